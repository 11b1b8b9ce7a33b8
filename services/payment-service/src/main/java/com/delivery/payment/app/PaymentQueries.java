package com.delivery.payment.app;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.payment.domain.Payment;
import com.delivery.payment.domain.PaymentStatus;
import com.delivery.payment.domain.Payments;
import com.delivery.payment.domain.Refund;
import com.delivery.payment.domain.Refunds;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reading payments: the paying customer or an admin; the client secret only for the customer, while it is useful. */
@Service
public class PaymentQueries {

    private final Payments payments;
    private final Refunds refunds;
    private final ClientSecretCache secrets;
    private final PaymentGateway gateway;

    PaymentQueries(Payments payments, Refunds refunds, ClientSecretCache secrets, PaymentGateway gateway) {
        this.payments = payments;
        this.refunds = refunds;
        this.secrets = secrets;
        this.gateway = gateway;
    }

    /** @param clientSecret for the paying customer while the payment waits for money, else null */
    public record PaymentView(Payment payment, List<Refund> refunds, String clientSecret) {
    }

    public PaymentView byOrder(UUID orderId, CurrentUser caller) {
        return view(payments.findByOrderId(orderId)
                .orElseThrow(() -> ApiException.notFound("Payment for order", orderId)), caller);
    }

    public PaymentView byId(UUID paymentId, CurrentUser caller) {
        return view(payments.findById(paymentId).orElseThrow(() -> ApiException.notFound("Payment", paymentId)),
                caller);
    }

    /**
     * The PaymentIntent of an order for its paying customer (or an admin). Intents are created once both
     * {@code order.created} and {@code inventory.reserved} are consumed, never here: before that,
     * {@link IntentNotReadyException}. An order cancelled before its intent (out of stock, say) is a 409
     * {@code order-cancelled}: nothing will be charged.
     */
    public PaymentView intent(UUID orderId, CurrentUser caller) {
        Payment payment = payments.findByOrderId(orderId).orElseThrow(() -> new IntentNotReadyException(orderId));
        PaymentView view = view(payment, caller);
        if (payment.providerIntentId() != null) {
            return view;
        }
        throw switch (payment.status()) {
            case AWAITING_STOCK -> IntentNotReadyException.awaitingStock(orderId);
            case CANCELLED -> {
                String reason = payment.cancelReason();
                ApiException cancelled = ApiException.conflict("order-cancelled", "Order " + orderId
                        + " was cancelled" + (reason == null ? "" : " (" + reason + ")")
                        + " before any payment was started; nothing will be charged");
                // problem properties may not be null
                yield reason == null ? cancelled : cancelled.with("reason", reason);
            }
            default -> ApiException.conflict("no-payment-intent", "The order's payment is " + payment.status()
                    + " and has no PaymentIntent");
        };
    }

    private PaymentView view(Payment payment, CurrentUser caller) {
        if (!payment.isOwnedBy(caller.id()) && !caller.isAdmin()) {
            throw ApiException.forbidden("This payment belongs to someone else");
        }
        String clientSecret = null;
        if (payment.isOwnedBy(caller.id()) && payment.status() == PaymentStatus.REQUIRES_PAYMENT
                && payment.providerIntentId() != null) {
            clientSecret = secrets.get(payment.id()).orElseGet(() -> {
                String fetched = gateway.clientSecret(payment.providerIntentId());
                secrets.put(payment.id(), fetched);
                return fetched;
            });
        }
        return new PaymentView(payment, refunds.findByPaymentIdOrderByCreatedAt(payment.id()), clientSecret);
    }
}
