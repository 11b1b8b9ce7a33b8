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
     * The PaymentIntent of an order for its paying customer (or an admin). Intents are created when
     * {@code order.created} is consumed, never here: before that, {@link IntentNotReadyException}.
     */
    public PaymentView intent(UUID orderId, CurrentUser caller) {
        Payment payment = payments.findByOrderId(orderId).orElseThrow(() -> new IntentNotReadyException(orderId));
        PaymentView view = view(payment, caller);
        if (payment.providerIntentId() == null) {
            throw ApiException.conflict("no-payment-intent", "The order's payment is " + payment.status()
                    + " and has no PaymentIntent");
        }
        return view;
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
