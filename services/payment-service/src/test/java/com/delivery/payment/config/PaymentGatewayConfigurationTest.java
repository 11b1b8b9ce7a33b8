package com.delivery.payment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.delivery.payment.app.PaymentProperties;
import com.delivery.payment.infra.SimulatedPaymentGateway;
import com.delivery.payment.infra.StripePaymentGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaymentGatewayConfigurationTest {

    private static PaymentProperties properties(String secretKey, String webhookSecret) {
        return new PaymentProperties(BigDecimal.TEN, Duration.ofHours(1),
                new PaymentProperties.Stripe(secretKey, webhookSecret, "http://127.0.0.1:1", Duration.ofMinutes(5),
                        Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofMinutes(10)),
                new PaymentProperties.Connect("DE", "http://r", "http://d"),
                new PaymentProperties.Intents(256, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2),
                        Duration.ofSeconds(1), 200));
    }

    @Test
    void withoutASecretKeyPaymentsAreSimulated() {
        assertThat(PaymentGatewayConfiguration.choose(properties(null, null), Clock.systemUTC()))
                .isInstanceOf(SimulatedPaymentGateway.class);
        assertThat(PaymentGatewayConfiguration.choose(properties(" ", "whsec_x"), Clock.systemUTC()))
                .isInstanceOf(SimulatedPaymentGateway.class);
    }

    @Test
    void aSecretKeyAlwaysMeansStripe() {
        assertThat(PaymentGatewayConfiguration.choose(properties("sk_test_x", "whsec_x"), Clock.systemUTC()))
                .isInstanceOf(StripePaymentGateway.class);
    }

    @Test
    void aSecretKeyWithoutWebhookSecretRefusesToStart() {
        assertThatThrownBy(() -> PaymentGatewayConfiguration.choose(properties("sk_test_x", ""), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STRIPE_WEBHOOK_SECRET");
    }
}
