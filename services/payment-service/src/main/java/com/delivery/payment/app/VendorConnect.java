package com.delivery.payment.app;

import com.delivery.events.VendorRegistered;
import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.kit.web.ApiException;
import com.delivery.payment.app.PaymentGateway.AccountRequest;
import com.delivery.payment.app.PaymentGateway.CreatedAccount;
import com.delivery.payment.app.PaymentGateway.OnboardingLink;
import com.delivery.payment.domain.ConnectedAccount;
import com.delivery.payment.domain.ConnectedAccounts;
import com.delivery.payment.domain.VendorOwner;
import com.delivery.payment.domain.VendorOwners;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stripe Connect onboarding of vendors, and who may see a vendor's payment data. The owner is the user named by
 * {@code vendor.registered}; for a vendor this service has not heard of yet, the vendor user who connects the
 * account first is taken as owner, and the later {@code vendor.registered} corrects it if needed.
 */
@Service
public class VendorConnect {

    private static final Logger log = LoggerFactory.getLogger(VendorConnect.class);

    private final ConnectedAccounts accounts;
    private final VendorOwners owners;
    private final PaymentGateway gateway;
    private final AdvisoryLocks locks;
    private final PaymentProperties properties;
    private final Clock clock;

    VendorConnect(ConnectedAccounts accounts, VendorOwners owners, PaymentGateway gateway, AdvisoryLocks locks,
            PaymentProperties properties, Clock clock) {
        this.accounts = accounts;
        this.owners = owners;
        this.gateway = gateway;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param created false when the account existed and only a fresh onboarding link was made */
    public record Onboarding(ConnectedAccount account, OnboardingLink link, boolean created) {
    }

    /** Remembers the vendor's owner; a connected account claimed by someone else passes to the registered owner. */
    @Transactional
    public void recordOwner(VendorRegistered registered) {
        locks.lock(registered.vendorId());
        if (owners.findById(registered.vendorId()).isEmpty()) {
            owners.save(new VendorOwner(registered.vendorId(), registered.ownerUserId(), clock.instant()));
        }
        accounts.findById(registered.vendorId())
                .filter(account -> !account.isOwnedBy(registered.ownerUserId()))
                .ifPresent(account -> {
                    log.warn("Connected account of vendorId={} was claimed by userId={}; the registered owner is "
                            + "userId={}", account.vendorId(), account.ownerUserId(), registered.ownerUserId());
                    account.assignOwner(registered.ownerUserId(), clock.instant());
                });
    }

    /** Creates the vendor's Express account on first call; every call returns a fresh onboarding link. */
    @Transactional
    public Onboarding connect(UUID vendorId, CurrentUser caller, String country) {
        locks.lock(vendorId);
        Optional<ConnectedAccount> existing = accounts.findById(vendorId);
        if (existing.isPresent()) {
            ConnectedAccount account = existing.get();
            requireOwnerOrAdmin(account.ownerUserId(), caller);
            return new Onboarding(account, link(account), false);
        }
        Optional<UUID> registeredOwner = owners.findById(vendorId).map(VendorOwner::ownerUserId);
        if (!caller.has(Role.VENDOR) || registeredOwner.filter(owner -> !owner.equals(caller.id())).isPresent()) {
            throw ApiException.forbidden("Only the vendor's own user can connect its payout account");
        }
        String accountCountry = country == null ? properties.connect().defaultCountry() : country;
        CreatedAccount created = gateway.createConnectedAccount(new AccountRequest(vendorId, caller.email(),
                accountCountry));
        ConnectedAccount account = accounts.save(new ConnectedAccount(vendorId, caller.id(), created.accountId(),
                created.chargesEnabled(), created.payoutsEnabled(), created.detailsSubmitted(), clock.instant()));
        log.info("Connected account created vendorId={} ownerUserId={} account={} country={} ownerRegistered={} "
                + "gateway={}", vendorId, caller.id(), created.accountId(), accountCountry,
                registeredOwner.isPresent(), gateway.name());
        return new Onboarding(account, link(account), true);
    }

    @Transactional(readOnly = true)
    public ConnectedAccount get(UUID vendorId, CurrentUser caller) {
        ConnectedAccount account = accounts.findById(vendorId)
                .orElseThrow(() -> ApiException.notFound("Connected account of vendor", vendorId));
        requireOwnerOrAdmin(account.ownerUserId(), caller);
        return account;
    }

    /** 403 unless the caller is an admin or owns the vendor (registered owner, else who connected its account). */
    @Transactional(readOnly = true)
    public void requireVendorAccess(UUID vendorId, CurrentUser caller) {
        if (caller.isAdmin()) {
            return;
        }
        Optional<UUID> owner = owners.findById(vendorId).map(VendorOwner::ownerUserId)
                .or(() -> accounts.findById(vendorId).map(ConnectedAccount::ownerUserId));
        if (owner.filter(caller.id()::equals).isEmpty()) {
            throw ApiException.forbidden("This vendor's payment data belongs to someone else");
        }
    }

    private OnboardingLink link(ConnectedAccount account) {
        return gateway.onboardingLink(account.providerAccountId(), properties.connect().refreshUrl(),
                properties.connect().returnUrl());
    }

    private static void requireOwnerOrAdmin(UUID ownerUserId, CurrentUser caller) {
        if (!caller.isAdmin() && !ownerUserId.equals(caller.id())) {
            throw ApiException.forbidden("This vendor's payment account belongs to someone else");
        }
    }
}
