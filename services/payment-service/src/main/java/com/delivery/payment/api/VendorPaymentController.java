package com.delivery.payment.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.payment.app.PaymentGateway.Money;
import com.delivery.payment.app.VendorConnect;
import com.delivery.payment.app.VendorFunds;
import com.delivery.payment.app.VendorPayouts;
import com.delivery.payment.domain.ConnectedAccount;
import com.delivery.payment.domain.Payout;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments/vendors/{vendorId}")
@Tag(name = "Vendor payments")
@Validated
class VendorPaymentController {

    private final VendorConnect connect;
    private final VendorPayouts payouts;
    private final VendorFunds funds;

    VendorPaymentController(VendorConnect connect, VendorPayouts payouts, VendorFunds funds) {
        this.connect = connect;
        this.payouts = payouts;
        this.funds = funds;
    }

    record BalanceResponse(UUID vendorId, String accountId, List<Money> available, List<Money> pending,
            List<Money> instantAvailable) {
    }

    record PayoutRequest(
            @NotNull @Positive Long amountMinor,
            @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotNull @Pattern(regexp = "instant|standard", message = "must be instant or standard") String method) {
    }

    record PayoutCreated(String payoutId, long amountMinor, String currency, String method, String status,
            Instant arrivalDate) {
    }

    record ConnectRequest(
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code such as DE") String country) {
    }

    /** @param onboardingUrl a one-time Stripe link, present on POST only */
    record ConnectedAccountResponse(UUID vendorId, String accountId, String status, boolean chargesEnabled,
            boolean payoutsEnabled, boolean detailsSubmitted, String onboardingUrl, Instant onboardingUrlExpiresAt) {

        static ConnectedAccountResponse of(ConnectedAccount account, String url, Instant expiresAt) {
            return new ConnectedAccountResponse(account.vendorId(), account.providerAccountId(), account.status(),
                    account.chargesEnabled(), account.payoutsEnabled(), account.detailsSubmitted(), url, expiresAt);
        }
    }

    record PayoutResponse(UUID payoutId, UUID orderId, UUID paymentId, long amountMinor, String currency,
            String status, String providerReference, Instant createdAt, Instant paidAt) {

        static PayoutResponse of(Payout p) {
            return new PayoutResponse(p.id(), p.orderId(), p.paymentId(), p.amountMinor(), p.currency(),
                    p.status().name(), p.providerReference(), p.createdAt(), p.paidAt());
        }
    }

    record PayoutPage(List<PayoutResponse> items, int page, int size, long total) {
    }

    @PostMapping({"/connect-account", "/connect"})
    @Operation(summary = "Create the vendor's Stripe Connect Express account (vendor user, first call) and return an "
            + "onboarding link; later calls by its owner return a fresh link")
    ResponseEntity<ConnectedAccountResponse> connect(@PathVariable UUID vendorId, CurrentUser user,
            @Valid @RequestBody(required = false) ConnectRequest request) {
        VendorConnect.Onboarding onboarding = connect.connect(vendorId, user, request == null ? null : request.country());
        return ResponseEntity.status(onboarding.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ConnectedAccountResponse.of(onboarding.account(), onboarding.link().url(),
                        onboarding.link().expiresAt()));
    }

    @GetMapping("/connect-account")
    @Operation(summary = "The vendor's connected account and its onboarding state (owner or admin)")
    ConnectedAccountResponse account(@PathVariable UUID vendorId, CurrentUser user) {
        return ConnectedAccountResponse.of(connect.get(vendorId, user), null, null);
    }

    @GetMapping("/balance")
    @Operation(summary = "The balance of the vendor's connected Stripe account (owner or admin); 409 without one")
    BalanceResponse balance(@PathVariable UUID vendorId, CurrentUser user) {
        VendorFunds.Balance balance = funds.balance(vendorId, user);
        return new BalanceResponse(vendorId, balance.accountId(), balance.balance().available(),
                balance.balance().pending(), balance.balance().instantAvailable());
    }

    @PostMapping("/payouts")
    @Operation(summary = "Pay out from the vendor's connected account to its bank or card, instant or standard "
            + "(owner or admin); 422 payout-refused when Stripe refuses it (e.g. balance_insufficient)")
    ResponseEntity<PayoutCreated> payout(@PathVariable UUID vendorId, CurrentUser user,
            @Valid @RequestBody PayoutRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        VendorFunds.PayoutMade made = funds.payout(vendorId, user, request.amountMinor(), request.currency(),
                "instant".equals(request.method()), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(new PayoutCreated(made.payout().payoutId(),
                made.payout().amountMinor(), made.payout().currency(), made.payout().method(),
                made.payout().status(), made.payout().arrivalDate()));
    }

    @GetMapping("/payouts")
    @Operation(summary = "The vendor's payouts, newest first (owner of the connected account or admin)")
    PayoutPage payouts(@PathVariable UUID vendorId, CurrentUser user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        VendorPayouts.Page result = payouts.list(vendorId, user, page, size);
        return new PayoutPage(result.payouts().stream().map(PayoutResponse::of).toList(), page, size, result.total());
    }
}
