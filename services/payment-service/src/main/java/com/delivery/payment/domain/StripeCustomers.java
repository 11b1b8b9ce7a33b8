package com.delivery.payment.domain;

import java.util.Optional;
import java.util.UUID;

public interface StripeCustomers {

    StripeCustomer save(StripeCustomer customer);

    Optional<StripeCustomer> findById(UUID userId);
}
