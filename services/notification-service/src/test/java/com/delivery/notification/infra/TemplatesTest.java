package com.delivery.notification.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.notification.app.TemplateRenderer.Rendered;
import com.delivery.notification.domain.Channel;
import com.delivery.notification.domain.Route;
import com.delivery.notification.domain.RoutingTable;
import com.samskivert.mustache.Mustache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final MustacheTemplates templates = new MustacheTemplates(Mustache.compiler());

    @Test
    void everyRoutedMessageHasATemplateInEnglishAndGerman() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            for (Route route : RoutingTable.all().values().stream().flatMap(List::stream).toList()) {
                List<Channel> channels = new ArrayList<>(route.channels());
                if (route.needsSmsFallback()) {
                    channels.add(Channel.SMS);
                }
                for (Channel channel : channels) {
                    Rendered rendered = templates.render(route.template(), channel, locale, fullModel());
                    assertThat(rendered.locale()).as(route.template() + " " + channel).isEqualTo(locale.getLanguage());
                    assertThat(rendered.body()).as(route.template() + " " + channel).isNotBlank()
                            .doesNotContain("{{");
                    if (channel != Channel.SMS) {
                        assertThat(rendered.subject()).as(route.template() + " " + channel).isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void emailBodiesAreEscapedButShortTextsAreNot() {
        Map<String, Object> model = fullModel();
        model.put("vendorName", "Luigi's <Pizzeria>");

        Rendered email = templates.render("order-created.customer", Channel.EMAIL, Locale.ENGLISH, model);
        Rendered push = templates.render("order-created.customer", Channel.PUSH, Locale.ENGLISH, model);

        assertThat(email.body()).contains("Luigi&#39;s &lt;Pizzeria&gt;");
        assertThat(email.subject()).isEqualTo("Your order from Luigi's <Pizzeria> (€23.99)");
        assertThat(push.subject()).isEqualTo("Order received: Luigi's <Pizzeria>");
    }

    private static Map<String, Object> fullModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", "36e0aafd-6569-4ca6-ab72-757acb8cf71e");
        m.put("orderRef", "36E0AAFD");
        m.put("firstName", "Ada");
        m.put("fullName", "Ada Lovelace");
        m.put("vendorName", "Luigi's Pizzeria");
        m.put("customerName", "Ada Lovelace");
        m.put("items", List.of(Map.of("quantity", 2, "name", "Pizza Margherita", "unitPrice", "€9.50",
                "lineTotal", "€19.00")));
        m.put("hasItems", true);
        m.put("itemCount", 2);
        m.put("subtotal", "€19.00");
        m.put("deliveryFee", "€2.99");
        m.put("tip", "€2.00");
        m.put("tax", null);
        m.put("total", "€23.99");
        m.put("etaMinutes", 15);
        m.put("readyAt", "18:58");
        m.put("address", Map.of("line1", "Torstraße 49", "city", "Berlin", "postalCode", "10119"));
        m.put("reason", "VENDOR_REJECTED");
        m.put("byCustomer", false);
        m.put("byVendor", true);
        m.put("paymentFailed", false);
        m.put("noDriver", false);
        m.put("amount", "€29.49");
        m.put("expiresInSeconds", 30);
        m.put("expiresAt", "18:43");
        m.put("distance", "0.2 km");
        m.put("driverName", "Tom Becker");
        m.put("itemName", "Tiramisu");
        m.put("quantityLeft", 3);
        m.put("threshold", 5);
        m.put("transferReference", "tr_1");
        return m;
    }
}
