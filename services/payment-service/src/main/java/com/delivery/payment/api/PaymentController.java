package com.delivery.payment.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.payment.app.AdminRefunds;
import com.delivery.payment.app.CustomerPaymentMethods;
import com.delivery.payment.app.PaymentQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
class PaymentController {

    private final PaymentQueries queries;
    private final AdminRefunds refunds;
    private final CustomerPaymentMethods methods;

    PaymentController(PaymentQueries queries, AdminRefunds refunds, CustomerPaymentMethods methods) {
        this.queries = queries;
        this.refunds = refunds;
        this.methods = methods;
    }

    record IntentRequest(@NotNull UUID orderId) {
    }

    record IntentResponse(UUID paymentId, UUID orderId, String intentId, String clientSecret, long amountMinor,
            String currency, String status) {
    }

    /**
     * @param usage {@code off_session} to charge the saved method later without the customer; default on_session
     * @param paymentMethodId a {@code pm_...} the app collected: attach it instead of creating a SetupIntent
     */
    record PaymentMethodRequest(
            @Pattern(regexp = "on_session|off_session", message = "must be on_session or off_session") String usage,
            @Pattern(regexp = "pm_[A-Za-z0-9_]{1,200}", message = "must be a payment method id such as pm_123")
            String paymentMethodId) {
    }

    /** A SetupIntent ({@code setupIntentId}, {@code clientSecret}) or an attached method (id, brand, last4). */
    record PaymentMethodResponse(String customerId, String setupIntentId, String clientSecret,
            String paymentMethodId, String brand, String last4) {
    }

    /** @param amountMinor omitted: everything still refundable */
    record RefundRequest(
            @Positive Long amountMinor,
            @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be an upper-case code such as ADMIN or GOODWILL")
            String reason) {
    }

    record RefundCreated(RefundResponse refund, PaymentResponse payment) {
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "The payment of an order, with the client secret for the paying customer (owner or admin)")
    PaymentResponse byOrder(@PathVariable UUID orderId, CurrentUser user) {
        return PaymentResponse.of(queries.byOrder(orderId, user), user.isAdmin());
    }

    @GetMapping("/{paymentId}")
    @Operation(summary = "A payment with its refunds (owner or admin)")
    PaymentResponse byId(@PathVariable UUID paymentId, CurrentUser user) {
        return PaymentResponse.of(queries.byId(paymentId, user), user.isAdmin());
    }

    @PostMapping("/intents")
    @Operation(summary = "The PaymentIntent of an order for its paying customer (or admin); 409 intent-not-ready "
            + "with Retry-After while the order's payment is still being opened")
    IntentResponse intent(@Valid @RequestBody IntentRequest request, CurrentUser user) {
        PaymentQueries.PaymentView view = queries.intent(request.orderId(), user);
        return new IntentResponse(view.payment().id(), view.payment().orderId(), view.payment().providerIntentId(),
                view.clientSecret(), view.payment().amountMinor(), view.payment().currency(),
                view.payment().status().name());
    }

    @PostMapping("/methods")
    @Operation(summary = "Save a payment method (customer): creates the Stripe Customer once, then a SetupIntent "
            + "(body {} or {usage}) or attaches the given paymentMethodId")
    PaymentMethodResponse paymentMethod(@Valid @RequestBody(required = false) PaymentMethodRequest request,
            CurrentUser user, @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        PaymentMethodRequest body = request == null ? new PaymentMethodRequest(null, null) : request;
        if (body.paymentMethodId() != null) {
            CustomerPaymentMethods.Attached attached = methods.attach(user, body.paymentMethodId());
            return new PaymentMethodResponse(attached.customerId(), null, null,
                    attached.paymentMethod().paymentMethodId(), attached.paymentMethod().brand(),
                    attached.paymentMethod().last4());
        }
        CustomerPaymentMethods.Setup setup = methods.setUp(user, "off_session".equals(body.usage()), idempotencyKey);
        return new PaymentMethodResponse(setup.customerId(), setup.setupIntent().setupIntentId(),
                setup.setupIntent().clientSecret(), null, null, null);
    }

    @PostMapping({"/{paymentId}/refunds", "/refunds/{paymentId}"})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Refund a captured payment in full or in part (admin); reverses the vendor transfer and "
            + "the application fee in proportion. The same Idempotency-Key returns the first refund.")
    ResponseEntity<RefundCreated> refund(@PathVariable UUID paymentId, CurrentUser admin,
            @Valid @RequestBody(required = false) RefundRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        RefundRequest body = request == null ? new RefundRequest(null, null) : request;
        AdminRefunds.Result result = refunds.refund(paymentId, body.amountMinor(), body.reason(), idempotencyKey,
                admin.id());
        PaymentResponse payment = PaymentResponse.of(queries.byId(paymentId, admin), true);
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new RefundCreated(RefundResponse.of(result.refund()), payment));
    }
}
