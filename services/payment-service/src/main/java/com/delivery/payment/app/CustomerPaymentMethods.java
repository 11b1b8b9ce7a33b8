package com.delivery.payment.app;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.kit.web.ApiException;
import com.delivery.payment.app.PaymentGateway.AttachedPaymentMethod;
import com.delivery.payment.app.PaymentGateway.CreatedSetupIntent;
import com.delivery.payment.domain.StripeCustomer;
import com.delivery.payment.domain.StripeCustomers;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved payment methods of customers: every customer gets one provider customer ({@code cus_...}), created on first
 * use and remembered per user; payment methods are set up (SetupIntent) or attached to it.
 */
@Service
public class CustomerPaymentMethods {

    private static final Logger log = LoggerFactory.getLogger(CustomerPaymentMethods.class);

    private final StripeCustomers customers;
    private final PaymentGateway gateway;
    private final AdvisoryLocks locks;
    private final Clock clock;

    CustomerPaymentMethods(StripeCustomers customers, PaymentGateway gateway, AdvisoryLocks locks, Clock clock) {
        this.customers = customers;
        this.gateway = gateway;
        this.locks = locks;
        this.clock = clock;
    }

    public record Setup(String customerId, CreatedSetupIntent setupIntent) {
    }

    public record Attached(String customerId, AttachedPaymentMethod paymentMethod) {
    }

    /** @param requestKey the client's Idempotency-Key, or null for a new SetupIntent */
    @Transactional
    public Setup setUp(CurrentUser caller, boolean offSession, String requestKey) {
        String customerId = customerOf(caller);
        String key = "setup-intent-" + caller.id() + "-" + (offSession ? "off-" : "on-")
                + (requestKey == null ? UUID.randomUUID() : requestKey);
        return new Setup(customerId, gateway.createSetupIntent(customerId, offSession, key));
    }

    @Transactional
    public Attached attach(CurrentUser caller, String paymentMethodId) {
        String customerId = customerOf(caller);
        AttachedPaymentMethod method = gateway.attachPaymentMethod(customerId, paymentMethodId,
                "attach-" + caller.id() + "-" + paymentMethodId);
        return new Attached(customerId, method);
    }

    /** The caller's provider customer, created once (serialized per user, the user id is the idempotency key). */
    private String customerOf(CurrentUser caller) {
        if (!caller.has(Role.CUSTOMER)) {
            throw ApiException.forbidden("Only customers save payment methods");
        }
        locks.lock(caller.id());
        return customers.findById(caller.id()).map(StripeCustomer::providerCustomerId).orElseGet(() -> {
            String created = gateway.createCustomer(caller.id(), caller.email());
            customers.save(new StripeCustomer(caller.id(), created, clock.instant()));
            log.info("Provider customer created userId={} customer={} gateway={}", caller.id(), created,
                    gateway.name());
            return created;
        });
    }
}
