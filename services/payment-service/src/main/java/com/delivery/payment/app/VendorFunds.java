package com.delivery.payment.app;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.payment.app.PaymentGateway.AccountBalance;
import com.delivery.payment.app.PaymentGateway.CreatedPayout;
import com.delivery.payment.app.PaymentGateway.PayoutRequest;
import com.delivery.payment.domain.ConnectedAccount;
import com.delivery.payment.domain.ConnectedAccounts;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The money on a vendor's connected account: its balance, and payouts from it to the vendor's bank or card. */
@Service
public class VendorFunds {

    private static final Logger log = LoggerFactory.getLogger(VendorFunds.class);

    private final VendorConnect connect;
    private final ConnectedAccounts accounts;
    private final PaymentGateway gateway;

    VendorFunds(VendorConnect connect, ConnectedAccounts accounts, PaymentGateway gateway) {
        this.connect = connect;
        this.accounts = accounts;
        this.gateway = gateway;
    }

    public record Balance(UUID vendorId, String accountId, AccountBalance balance) {
    }

    public record PayoutMade(UUID vendorId, String accountId, CreatedPayout payout) {
    }

    public Balance balance(UUID vendorId, CurrentUser caller) {
        String accountId = accountOf(vendorId, caller);
        return new Balance(vendorId, accountId, gateway.balance(accountId));
    }

    /** @param requestKey the client's Idempotency-Key, or null for a new payout */
    public PayoutMade payout(UUID vendorId, CurrentUser caller, long amountMinor, String currency, boolean instant,
            String requestKey) {
        if (amountMinor <= 0) {
            throw ApiException.badRequest("invalid-amount", "amountMinor must be positive");
        }
        String accountId = accountOf(vendorId, caller);
        String key = "payout-" + vendorId + "-" + (requestKey == null ? UUID.randomUUID() : requestKey);
        try {
            CreatedPayout payout = gateway.createPayout(new PayoutRequest(accountId, amountMinor,
                    currency.toUpperCase(Locale.ROOT), instant, key));
            log.info("Payout created vendorId={} account={} payout={} amountMinor={} {} method={} by userId={}",
                    vendorId, accountId, payout.payoutId(), amountMinor, currency, payout.method(), caller.id());
            return new PayoutMade(vendorId, accountId, payout);
        } catch (PaymentProviderException e) {
            if (e.unavailable()) {
                throw e;
            }
            // the provider refused the payout itself (not enough money, method not possible): the caller can fix it
            throw ApiException.unprocessable("payout-refused", e.getMessage()).with("providerCode", e.code());
        }
    }

    private String accountOf(UUID vendorId, CurrentUser caller) {
        connect.requireVendorAccess(vendorId, caller);
        return accounts.findById(vendorId).map(ConnectedAccount::providerAccountId)
                .orElseThrow(() -> ApiException.conflict("no-connected-account",
                        "Vendor " + vendorId + " has no connected Stripe account yet"));
    }
}
