package com.delivery.payment.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.payment.app.AdminRefunds;
import com.delivery.payment.app.PaymentQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

    PaymentController(PaymentQueries queries, AdminRefunds refunds) {
        this.queries = queries;
        this.refunds = refunds;
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

    @PostMapping("/{paymentId}/refunds")
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
