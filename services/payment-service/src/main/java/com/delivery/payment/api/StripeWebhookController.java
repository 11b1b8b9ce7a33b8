package com.delivery.payment.api;

import com.delivery.payment.app.PaymentWebhooks;
import com.delivery.payment.app.ProviderEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Public, but every call must carry a valid {@code Stripe-Signature} over the exact raw body. */
@RestController
@Tag(name = "Stripe webhooks")
class StripeWebhookController {

    private final PaymentWebhooks webhooks;

    StripeWebhookController(PaymentWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    record Acknowledgement(boolean received, String eventId, String outcome) {
    }

    @PostMapping("/api/v1/payments/webhooks/stripe")
    @Operation(summary = "Stripe events: signature-verified, deduplicated by event id; unknown types are acknowledged")
    Acknowledgement receive(@RequestBody byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        ProviderEvent event = webhooks.verify(new String(body, StandardCharsets.UTF_8), signature);
        return new Acknowledgement(true, event.eventId(), webhooks.apply(event).name());
    }
}
