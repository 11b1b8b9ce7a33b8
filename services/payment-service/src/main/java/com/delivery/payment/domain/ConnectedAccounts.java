package com.delivery.payment.domain;

import java.util.Optional;
import java.util.UUID;

public interface ConnectedAccounts {

    ConnectedAccount save(ConnectedAccount account);

    Optional<ConnectedAccount> findById(UUID vendorId);

    Optional<ConnectedAccount> findByProviderAccountId(String providerAccountId);
}
