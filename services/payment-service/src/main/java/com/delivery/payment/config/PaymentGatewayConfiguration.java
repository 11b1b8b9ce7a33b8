package com.delivery.payment.config;

import com.delivery.payment.app.PaymentGateway;
import com.delivery.payment.app.PaymentProperties;
import com.delivery.payment.app.WebhookVerifier;
import com.delivery.payment.infra.SimulatedPaymentGateway;
import com.delivery.payment.infra.StripePaymentGateway;
import com.delivery.payment.infra.StripeWebhookVerifier;
import com.stripe.StripeClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stripe when {@code payment.stripe.secret-key} is set, the simulation otherwise: the choice is configuration, never
 * a branch in a use case, and the simulation can never be active while a key is set.
 */
@Configuration(proxyBeanMethods = false)
class PaymentGatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentGatewayConfiguration.class);

    @Bean
    PaymentGateway paymentGateway(PaymentProperties properties, Clock clock) {
        return choose(properties, clock);
    }

    static PaymentGateway choose(PaymentProperties properties, Clock clock) {
        PaymentProperties.Stripe stripe = properties.stripe();
        if (stripe.hasSecretKey()) {
            if (!stripe.hasWebhookSecret()) {
                throw new IllegalStateException("STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: payments "
                        + "could be created but never confirmed");
            }
            log.info("Payment gateway: Stripe at {}", stripe.apiBase());
            return new StripePaymentGateway(StripeClient.builder()
                    .setApiKey(stripe.secretKey())
                    .setApiBase(stripe.apiBase())
                    .setConnectTimeout((int) stripe.connectTimeout().toMillis())
                    .setReadTimeout((int) stripe.readTimeout().toMillis())
                    .setMaxNetworkRetries(stripe.maxNetworkRetries())
                    .build());
        }
        log.warn("""

                ************************************************************************************
                *  SIMULATED PAYMENT GATEWAY: no STRIPE_SECRET_KEY is set. No money moves.          *
                *  Payments complete only through signed webhooks (payment.stripe.webhook-secret). *
                ************************************************************************************""");
        return new SimulatedPaymentGateway(clock);
    }

    @Bean
    WebhookVerifier webhookVerifier(PaymentProperties properties) {
        if (!properties.stripe().hasWebhookSecret()) {
            log.warn("No payment.stripe.webhook-secret (STRIPE_WEBHOOK_SECRET): Stripe webhooks are refused with 503");
        }
        return new StripeWebhookVerifier(properties.stripe().webhookSecret(), properties.stripe().webhookTolerance());
    }
}
