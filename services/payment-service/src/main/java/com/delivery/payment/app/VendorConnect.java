package com.delivery.payment.app;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.kit.web.ApiException;
import com.delivery.payment.app.PaymentGateway.AccountRequest;
import com.delivery.payment.app.PaymentGateway.CreatedAccount;
import com.delivery.payment.app.PaymentGateway.OnboardingLink;
import com.delivery.payment.domain.ConnectedAccount;
import com.delivery.payment.domain.ConnectedAccounts;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stripe Connect onboarding of vendors. The vendor user who connects the account becomes its owner: only they (or
 * an admin) see it and its payouts afterwards.
 */
@Service
public class VendorConnect {

    private static final Logger log = LoggerFactory.getLogger(VendorConnect.class);

    private final ConnectedAccounts accounts;
    private final PaymentGateway gateway;
    private final AdvisoryLocks locks;
    private final PaymentProperties properties;
    private final Clock clock;

    VendorConnect(ConnectedAccounts accounts, PaymentGateway gateway, AdvisoryLocks locks,
            PaymentProperties properties, Clock clock) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param created false when the account existed and only a fresh onboarding link was made */
    public record Onboarding(ConnectedAccount account, OnboardingLink link, boolean created) {
    }

    /** Creates the vendor's Express account on first call; every call returns a fresh onboarding link. */
    @Transactional
    public Onboarding connect(UUID vendorId, CurrentUser caller, String country) {
        locks.lock(vendorId);
        Optional<ConnectedAccount> existing = accounts.findById(vendorId);
        if (existing.isPresent()) {
            ConnectedAccount account = existing.get();
            requireOwnerOrAdmin(account, caller);
            return new Onboarding(account, link(account), false);
        }
        if (!caller.has(Role.VENDOR)) {
            throw ApiException.forbidden("Only the vendor's own user can connect its payout account");
        }
        String accountCountry = country == null ? properties.connect().defaultCountry() : country;
        CreatedAccount created = gateway.createConnectedAccount(new AccountRequest(vendorId, caller.email(),
                accountCountry));
        ConnectedAccount account = accounts.save(new ConnectedAccount(vendorId, caller.id(), created.accountId(),
                created.chargesEnabled(), created.payoutsEnabled(), created.detailsSubmitted(), clock.instant()));
        log.info("Connected account created vendorId={} ownerUserId={} account={} country={} gateway={}", vendorId,
                caller.id(), created.accountId(), accountCountry, gateway.name());
        return new Onboarding(account, link(account), true);
    }

    @Transactional(readOnly = true)
    public ConnectedAccount get(UUID vendorId, CurrentUser caller) {
        ConnectedAccount account = accounts.findById(vendorId)
                .orElseThrow(() -> ApiException.notFound("Connected account of vendor", vendorId));
        requireOwnerOrAdmin(account, caller);
        return account;
    }

    private OnboardingLink link(ConnectedAccount account) {
        return gateway.onboardingLink(account.providerAccountId(), properties.connect().refreshUrl(),
                properties.connect().returnUrl());
    }

    static void requireOwnerOrAdmin(ConnectedAccount account, CurrentUser caller) {
        if (!caller.isAdmin() && !account.isOwnedBy(caller.id())) {
            throw ApiException.forbidden("This vendor's payment account belongs to someone else");
        }
    }
}
