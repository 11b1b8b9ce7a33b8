package com.delivery.payment.infra;

import com.delivery.payment.app.PaymentGateway;
import com.delivery.payment.app.PaymentProviderException;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Balance;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.model.AccountLink;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PayoutCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Stripe through stripe-java: destination charges, refunds with transfer reversal, Connect Express onboarding. */
public class StripePaymentGateway implements PaymentGateway {

    private final StripeClient stripe;

    public StripePaymentGateway(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public CreatedIntent createIntent(IntentRequest request) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.amountMinor())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setDescription(request.description())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true).build())
                .putMetadata("orderId", request.orderId().toString())
                .putMetadata("paymentId", request.paymentId().toString());
        if (request.destinationAccountId() != null) {
            // Stripe only takes an application fee on a charge that goes to a connected account
            params.setApplicationFeeAmount(request.applicationFeeMinor())
                    .setTransferData(PaymentIntentCreateParams.TransferData.builder()
                            .setDestination(request.destinationAccountId()).build());
        }
        PaymentIntent intent = call(() -> stripe.v1().paymentIntents().create(params.build(),
                idempotent(request.paymentId().toString())));
        return new CreatedIntent(intent.getId(), intent.getClientSecret(), intent.getStatus());
    }

    @Override
    public String clientSecret(String intentId) {
        return call(() -> stripe.v1().paymentIntents().retrieve(intentId)).getClientSecret();
    }

    @Override
    public CancelOutcome cancelIntent(String intentId, UUID paymentId) {
        try {
            stripe.v1().paymentIntents().cancel(intentId, PaymentIntentCancelParams.builder()
                    .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build(),
                    idempotent("cancel-" + paymentId));
            return CancelOutcome.CANCELLED;
        } catch (InvalidRequestException e) {
            if (!"payment_intent_unexpected_state".equals(e.getCode())) {
                throw translate(e);
            }
            // already cancelled, or already paid
            String status = call(() -> stripe.v1().paymentIntents().retrieve(intentId)).getStatus();
            return switch (status) {
                case "canceled" -> CancelOutcome.CANCELLED;
                case "succeeded" -> CancelOutcome.ALREADY_SUCCEEDED;
                default -> throw translate(e);
            };
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(request.intentId())
                .setAmount(request.amountMinor())
                .putMetadata("paymentId", request.paymentId().toString())
                .putMetadata("refundId", request.refundId().toString())
                .putMetadata("reason", request.reason());
        if (request.reverseTransfer()) {
            params.setReverseTransfer(true).setRefundApplicationFee(true);
        }
        Refund refund = call(() -> stripe.v1().refunds().create(params.build(),
                idempotent(request.refundId().toString())));
        return new ProviderRefund(refund.getId(), refund.getStatus());
    }

    @Override
    public Optional<String> destinationTransfer(String intentId) {
        PaymentIntent intent = call(() -> stripe.v1().paymentIntents().retrieve(intentId,
                PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build()));
        Charge charge = intent.getLatestChargeObject();
        return Optional.ofNullable(charge).map(Charge::getTransfer);
    }

    @Override
    public CreatedAccount createConnectedAccount(AccountRequest request) {
        AccountCreateParams.Builder params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry(request.country())
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder()
                                .setRequested(true).build())
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                .setRequested(true).build())
                        .build())
                .putMetadata("vendorId", request.vendorId().toString());
        if (request.email() != null) {
            params.setEmail(request.email());
        }
        Account account = call(() -> stripe.v1().accounts().create(params.build(),
                idempotent("connect-account-" + request.vendorId())));
        return new CreatedAccount(account.getId(), Boolean.TRUE.equals(account.getChargesEnabled()),
                Boolean.TRUE.equals(account.getPayoutsEnabled()), Boolean.TRUE.equals(account.getDetailsSubmitted()));
    }

    @Override
    public OnboardingLink onboardingLink(String accountId, String refreshUrl, String returnUrl) {
        AccountLink link = call(() -> stripe.v1().accountLinks().create(AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setRefreshUrl(refreshUrl)
                .setReturnUrl(returnUrl)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build()));
        return new OnboardingLink(link.getUrl(),
                link.getExpiresAt() == null ? null : Instant.ofEpochSecond(link.getExpiresAt()));
    }

    @Override
    public String createCustomer(UUID userId, String email) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().putMetadata("userId", userId.toString());
        if (email != null) {
            params.setEmail(email);
        }
        Customer customer = call(() -> stripe.v1().customers().create(params.build(),
                idempotent("customer-" + userId)));
        return customer.getId();
    }

    @Override
    public CreatedSetupIntent createSetupIntent(String customerId, boolean offSession, String idempotencyKey) {
        SetupIntentCreateParams params = SetupIntentCreateParams.builder()
                .setCustomer(customerId)
                .setUsage(offSession ? SetupIntentCreateParams.Usage.OFF_SESSION
                        : SetupIntentCreateParams.Usage.ON_SESSION)
                .setAutomaticPaymentMethods(SetupIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true).build())
                .build();
        SetupIntent intent = call(() -> stripe.v1().setupIntents().create(params, idempotent(idempotencyKey)));
        return new CreatedSetupIntent(intent.getId(), intent.getClientSecret(), intent.getStatus());
    }

    @Override
    public AttachedPaymentMethod attachPaymentMethod(String customerId, String paymentMethodId,
            String idempotencyKey) {
        PaymentMethod method = call(() -> stripe.v1().paymentMethods().attach(paymentMethodId,
                PaymentMethodAttachParams.builder().setCustomer(customerId).build(), idempotent(idempotencyKey)));
        PaymentMethod.Card card = method.getCard();
        return new AttachedPaymentMethod(method.getId(), method.getType(), card == null ? null : card.getBrand(),
                card == null ? null : card.getLast4());
    }

    @Override
    public AccountBalance balance(String accountId) {
        Balance balance = call(() -> stripe.v1().balance().retrieve(
                RequestOptions.builder().setStripeAccount(accountId).build()));
        return new AccountBalance(
                money(balance.getAvailable(), Balance.Available::getAmount, Balance.Available::getCurrency),
                money(balance.getPending(), Balance.Pending::getAmount, Balance.Pending::getCurrency),
                money(balance.getInstantAvailable(), Balance.InstantAvailable::getAmount,
                        Balance.InstantAvailable::getCurrency));
    }

    @Override
    public CreatedPayout createPayout(PayoutRequest request) {
        PayoutCreateParams params = PayoutCreateParams.builder()
                .setAmount(request.amountMinor())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setMethod(request.instant() ? PayoutCreateParams.Method.INSTANT : PayoutCreateParams.Method.STANDARD)
                .build();
        com.stripe.model.Payout payout = call(() -> stripe.v1().payouts().create(params,
                RequestOptions.builder().setStripeAccount(request.accountId())
                        .setIdempotencyKey(request.idempotencyKey()).build()));
        return new CreatedPayout(payout.getId(), payout.getAmount(), payout.getCurrency().toUpperCase(Locale.ROOT),
                payout.getMethod(), payout.getStatus(),
                payout.getArrivalDate() == null ? null : Instant.ofEpochSecond(payout.getArrivalDate()));
    }

    private static <T> List<Money> money(List<T> amounts, java.util.function.Function<T, Long> amount,
            java.util.function.Function<T, String> currency) {
        return amounts == null ? List.of() : amounts.stream()
                .map(a -> new Money(amount.apply(a), currency.apply(a).toUpperCase(Locale.ROOT))).toList();
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    static PaymentProviderException translate(StripeException e) {
        boolean unavailable = e instanceof ApiConnectionException || e instanceof RateLimitException
                || (e instanceof ApiException && (e.getStatusCode() == null || e.getStatusCode() >= 500));
        String code = e.getCode() != null ? e.getCode() : unavailable ? "PROVIDER_UNAVAILABLE" : "provider_error";
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getClass().getSimpleName();
        return new PaymentProviderException(code, "Stripe: " + message, unavailable, e);
    }
}
