package com.delivery.notification.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.OrderCancelled;
import com.delivery.notification.app.EventNotifications;
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
import java.util.UUID;
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

    @Test
    void theCustomerReadsWhyTheOrderWasCancelledInEnglish() {
        assertThat(customerPush(OrderCancelled.OUT_OF_STOCK, "Tiramisu: 1 ordered, 0 left", Locale.ENGLISH))
                .isEqualTo("Luigi's Pizzeria does not have enough in stock (Tiramisu: 1 ordered, 0 left), so your"
                        + " order was cancelled. You were not charged.");
        assertThat(customerPush(OrderCancelled.OUT_OF_STOCK, null, Locale.ENGLISH))
                .isEqualTo("Luigi's Pizzeria does not have enough in stock, so your order was cancelled."
                        + " You were not charged.");
        assertThat(customerPush(OrderCancelled.VENDOR_TIMEOUT, null, Locale.ENGLISH))
                .isEqualTo("Luigi's Pizzeria did not respond to your order in time, so it was cancelled."
                        + " You will get a full refund of €23.99.");
        assertThat(customerPush(OrderCancelled.PAYMENT_TIMEOUT, null, Locale.ENGLISH))
                .isEqualTo("Your order from Luigi's Pizzeria was cancelled because it was not paid in time."
                        + " Any payment will be refunded.");
        assertThat(customerPush(OrderCancelled.PAYMENT_FAILED, null, Locale.ENGLISH))
                .isEqualTo("Your order from Luigi's Pizzeria was cancelled because the payment failed."
                        + " You were not charged.");
        assertThat(customerPush(OrderCancelled.VENDOR_REJECTED, "We are closing early tonight.", Locale.ENGLISH))
                .isEqualTo("Luigi's Pizzeria could not accept your order: We are closing early tonight."
                        + " Any payment will be refunded.");
        assertThat(customerPush(OrderCancelled.VENDOR_REJECTED, null, Locale.ENGLISH))
                .isEqualTo("Luigi's Pizzeria could not accept your order. Any payment will be refunded.");
        assertThat(customerPush(OrderCancelled.CUSTOMER_REQUEST, "Ordered twice", Locale.ENGLISH))
                .isEqualTo("You cancelled your order from Luigi's Pizzeria. Any payment will be refunded.");
        assertThat(customerPush(OrderCancelled.ADMIN, "Duplicate order", Locale.ENGLISH))
                .isEqualTo("Our support team cancelled your order from Luigi's Pizzeria: Duplicate order."
                        + " Any payment will be refunded.");
        assertThat(customerPush("SOMETHING_NEW", null, Locale.ENGLISH))
                .isEqualTo("Your order from Luigi's Pizzeria was cancelled. Any payment will be refunded.");
    }

    @Test
    void theCustomerReadsWhyTheOrderWasCancelledInGerman() {
        assertThat(customerPush(OrderCancelled.OUT_OF_STOCK, "Tiramisu: 1 ordered, 0 left", Locale.GERMAN))
                .isEqualTo("Luigi's Pizzeria hat nicht genug vorrätig (Tiramisu: 1 ordered, 0 left), daher wurde"
                        + " deine Bestellung storniert. Dir wurde nichts berechnet.");
        assertThat(customerPush(OrderCancelled.VENDOR_TIMEOUT, null, Locale.GERMAN))
                .isEqualTo("Luigi's Pizzeria hat nicht rechtzeitig auf deine Bestellung reagiert, daher wurde sie"
                        + " storniert. Du bekommst den vollen Betrag von €23.99 erstattet.");
        assertThat(customerPush(OrderCancelled.PAYMENT_TIMEOUT, null, Locale.GERMAN))
                .isEqualTo("Deine Bestellung bei Luigi's Pizzeria wurde storniert, weil sie nicht rechtzeitig"
                        + " bezahlt wurde. Eine Zahlung wird erstattet.");
        assertThat(customerPush(OrderCancelled.PAYMENT_FAILED, null, Locale.GERMAN))
                .isEqualTo("Deine Bestellung bei Luigi's Pizzeria wurde storniert, weil die Zahlung fehlgeschlagen"
                        + " ist. Dir wurde nichts berechnet.");
        assertThat(customerPush(OrderCancelled.VENDOR_REJECTED, "Heute früher geschlossen.", Locale.GERMAN))
                .isEqualTo("Luigi's Pizzeria konnte deine Bestellung nicht annehmen: Heute früher geschlossen."
                        + " Eine Zahlung wird erstattet.");
        assertThat(customerPush(OrderCancelled.CUSTOMER_REQUEST, null, Locale.GERMAN))
                .isEqualTo("Du hast deine Bestellung bei Luigi's Pizzeria storniert. Eine Zahlung wird erstattet.");
        assertThat(customerPush(OrderCancelled.ADMIN, "Doppelte Bestellung", Locale.GERMAN))
                .isEqualTo("Unser Support-Team hat deine Bestellung bei Luigi's Pizzeria storniert: Doppelte"
                        + " Bestellung. Eine Zahlung wird erstattet.");
        assertThat(customerPush("SOMETHING_NEW", null, Locale.GERMAN))
                .isEqualTo("Deine Bestellung bei Luigi's Pizzeria wurde storniert. Eine Zahlung wird erstattet.");
    }

    @Test
    void theCancellationEmailSaysWhyAndWhatHappensToTheMoneyInEnglishAndGerman() {
        String outOfStockEn = cancellationEmail(OrderCancelled.OUT_OF_STOCK, "Tiramisu: 1 ordered, 0 left",
                Locale.ENGLISH);
        assertThat(outOfStockEn).contains("Luigi&#39;s Pizzeria does not have enough in stock for your order 36E0AAFD"
                + " (Tiramisu: 1 ordered, 0 left), so it has been cancelled.", "You were not charged.")
                .doesNotContain("refund");
        String outOfStockDe = cancellationEmail(OrderCancelled.OUT_OF_STOCK, "Tiramisu: 1 ordered, 0 left",
                Locale.GERMAN);
        assertThat(outOfStockDe).contains("Luigi&#39;s Pizzeria hat für deine Bestellung 36E0AAFD nicht genug"
                + " vorrätig (Tiramisu: 1 ordered, 0 left), daher wurde sie storniert.", "Dir wurde nichts berechnet.")
                .doesNotContain("erstatte");

        assertThat(cancellationEmail(OrderCancelled.VENDOR_TIMEOUT, null, Locale.ENGLISH))
                .contains("Luigi&#39;s Pizzeria did not respond to your order 36E0AAFD in time",
                        "You will get a full refund: the whole amount of €23.99 goes back to your payment method.")
                .doesNotContain("If you were charged", "not charged");
        assertThat(cancellationEmail(OrderCancelled.VENDOR_TIMEOUT, null, Locale.GERMAN))
                .contains("Luigi&#39;s Pizzeria hat nicht rechtzeitig auf deine Bestellung 36E0AAFD reagiert",
                        "Du bekommst den vollen Betrag von €23.99 auf dein Zahlungsmittel erstattet.")
                .doesNotContain("Falls du belastet wurdest", "nichts berechnet");

        assertThat(cancellationEmail(OrderCancelled.PAYMENT_TIMEOUT, null, Locale.ENGLISH))
                .contains("has been cancelled because it was not paid in time.", "If you were charged");
        assertThat(cancellationEmail(OrderCancelled.PAYMENT_TIMEOUT, null, Locale.GERMAN))
                .contains("wurde storniert, weil sie nicht rechtzeitig bezahlt wurde.", "Falls du belastet wurdest");
        assertThat(cancellationEmail(OrderCancelled.PAYMENT_FAILED, null, Locale.ENGLISH))
                .contains("has been cancelled because the payment failed.", "You were not charged.");
        assertThat(cancellationEmail(OrderCancelled.PAYMENT_FAILED, null, Locale.GERMAN))
                .contains("wurde storniert, weil die Zahlung fehlgeschlagen ist.", "Dir wurde nichts berechnet.");
        assertThat(cancellationEmail(OrderCancelled.CUSTOMER_REQUEST, null, Locale.ENGLISH))
                .contains("As you asked, your order 36E0AAFD from Luigi&#39;s Pizzeria has been cancelled.");
        assertThat(cancellationEmail(OrderCancelled.CUSTOMER_REQUEST, null, Locale.GERMAN))
                .contains("Wie gewünscht wurde deine Bestellung 36E0AAFD bei Luigi&#39;s Pizzeria storniert.");
    }

    @Test
    void theVendorsDetailIsEscapedInEmailButNotInPush() {
        String detail = "Oven <broken> & we're closed";

        assertThat(cancellationEmail(OrderCancelled.VENDOR_REJECTED, detail, Locale.ENGLISH))
                .contains("could not accept your order 36E0AAFD: Oven &lt;broken&gt; &amp; we&#39;re closed.")
                .doesNotContain("<broken>");
        assertThat(cancellationEmail(OrderCancelled.VENDOR_REJECTED, detail, Locale.GERMAN))
                .contains("nicht annehmen: Oven &lt;broken&gt; &amp; we&#39;re closed.");
        assertThat(customerPush(OrderCancelled.VENDOR_REJECTED, detail, Locale.ENGLISH))
                .isEqualTo("Luigi's Pizzeria could not accept your order: Oven <broken> & we're closed."
                        + " Any payment will be refunded.");
    }

    @Test
    void theVendorIsToldWhyInWordsByPushAndSms() {
        assertThat(vendorText(OrderCancelled.CUSTOMER_REQUEST, null, Channel.PUSH, Locale.ENGLISH))
                .isEqualTo("The customer cancelled. Do not prepare it.");
        assertThat(vendorText(OrderCancelled.VENDOR_REJECTED, "Closing early", Channel.PUSH, Locale.ENGLISH))
                .isEqualTo("You declined it. Do not prepare it.");
        assertThat(vendorText(OrderCancelled.VENDOR_TIMEOUT, null, Channel.SMS, Locale.ENGLISH))
                .isEqualTo("Order 36E0AAFD for Luigi's Pizzeria was cancelled. It was not accepted in time."
                        + " Do not prepare it.");
        assertThat(vendorText(OrderCancelled.OUT_OF_STOCK, "Tiramisu: 1 ordered, 0 left", Channel.SMS, Locale.ENGLISH))
                .isEqualTo("Order 36E0AAFD for Luigi's Pizzeria was cancelled. Not enough stock"
                        + " (Tiramisu: 1 ordered, 0 left). Do not prepare it.");
        assertThat(vendorText(OrderCancelled.PAYMENT_FAILED, null, Channel.PUSH, Locale.ENGLISH))
                .isEqualTo("The payment failed. Do not prepare it.");
        assertThat(vendorText(OrderCancelled.PAYMENT_TIMEOUT, null, Channel.PUSH, Locale.ENGLISH))
                .isEqualTo("The customer did not pay in time. Do not prepare it.");
        assertThat(vendorText(OrderCancelled.ADMIN, "Duplicate order", Channel.PUSH, Locale.ENGLISH))
                .isEqualTo("Cancelled by support. Do not prepare it.");
        assertThat(vendorText("SOMETHING_NEW", null, Channel.PUSH, Locale.ENGLISH))
                .isEqualTo("Reason: SOMETHING_NEW. Do not prepare it.");

        assertThat(vendorText(OrderCancelled.CUSTOMER_REQUEST, null, Channel.PUSH, Locale.GERMAN))
                .isEqualTo("Der Kunde hat storniert. Bitte nicht zubereiten.");
        assertThat(vendorText(OrderCancelled.VENDOR_REJECTED, null, Channel.PUSH, Locale.GERMAN))
                .isEqualTo("Du hast sie abgelehnt. Bitte nicht zubereiten.");
        assertThat(vendorText(OrderCancelled.VENDOR_TIMEOUT, null, Channel.SMS, Locale.GERMAN))
                .isEqualTo("Bestellung 36E0AAFD für Luigi's Pizzeria wurde storniert. Sie wurde nicht rechtzeitig"
                        + " angenommen. Bitte nicht zubereiten.");
        assertThat(vendorText(OrderCancelled.OUT_OF_STOCK, "Tiramisu: 1 ordered, 0 left", Channel.SMS, Locale.GERMAN))
                .isEqualTo("Bestellung 36E0AAFD für Luigi's Pizzeria wurde storniert. Nicht genug Bestand"
                        + " (Tiramisu: 1 ordered, 0 left). Bitte nicht zubereiten.");
        assertThat(vendorText(OrderCancelled.PAYMENT_FAILED, null, Channel.PUSH, Locale.GERMAN))
                .isEqualTo("Die Zahlung ist fehlgeschlagen. Bitte nicht zubereiten.");
        assertThat(vendorText(OrderCancelled.PAYMENT_TIMEOUT, null, Channel.PUSH, Locale.GERMAN))
                .isEqualTo("Der Kunde hat nicht rechtzeitig bezahlt. Bitte nicht zubereiten.");
        assertThat(vendorText(OrderCancelled.ADMIN, null, Channel.PUSH, Locale.GERMAN))
                .isEqualTo("Vom Support storniert. Bitte nicht zubereiten.");
        assertThat(vendorText("SOMETHING_NEW", null, Channel.PUSH, Locale.GERMAN))
                .isEqualTo("Grund: SOMETHING_NEW. Bitte nicht zubereiten.");
    }

    @Test
    void theDetailIsTrimmedAndLosesItsClosingPeriodSoItFitsInASentence() {
        assertThat(EventNotifications.cancellationDetail("  We are closing early tonight.  "))
                .isEqualTo("We are closing early tonight");
        assertThat(EventNotifications.cancellationDetail("Tiramisu: 1 ordered, 0 left"))
                .isEqualTo("Tiramisu: 1 ordered, 0 left");
        assertThat(EventNotifications.cancellationDetail("   ")).isNull();
        assertThat(EventNotifications.cancellationDetail(".")).isNull();
        assertThat(EventNotifications.cancellationDetail(null)).isNull();
    }

    private String customerPush(String reason, String detail, Locale locale) {
        Rendered push = templates.render("order-cancelled.customer", Channel.PUSH, locale,
                cancelledModel(reason, detail));
        assertThat(push.subject()).isEqualTo(locale.getLanguage().equals("de") ? "Bestellung storniert"
                : "Order cancelled");
        return push.body();
    }

    private String cancellationEmail(String reason, String detail, Locale locale) {
        Rendered email = templates.render("order-cancelled.customer", Channel.EMAIL, locale,
                cancelledModel(reason, detail));
        assertThat(email.locale()).isEqualTo(locale.getLanguage());
        return email.body();
    }

    private String vendorText(String reason, String detail, Channel channel, Locale locale) {
        return templates.render("order-cancelled.vendor", channel, locale, cancelledModel(reason, detail)).body();
    }

    /** The model EventNotifications builds for an order.cancelled with this reason and detail. */
    private static Map<String, Object> cancelledModel(String reason, String detail) {
        Map<String, Object> m = fullModel();
        EventNotifications.putCancellation(m, cancellation(reason, detail));
        return m;
    }

    private static OrderCancelled cancellation(String reason, String detail) {
        return new OrderCancelled(UUID.fromString("36e0aafd-6569-4ca6-ab72-757acb8cf71e"), UUID.randomUUID(),
                UUID.randomUUID(), null, reason, "SYSTEM", "PLACED", List.of(), detail);
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
        EventNotifications.putCancellation(m, cancellation(OrderCancelled.VENDOR_REJECTED, "Closing early tonight"));
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
