package com.delivery.payment.infra;

import com.delivery.payment.domain.ConnectedAccount;
import com.delivery.payment.domain.ConnectedAccounts;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaConnectedAccounts extends JpaRepository<ConnectedAccount, UUID>, ConnectedAccounts {

    @Override
    Optional<ConnectedAccount> findByProviderAccountId(String providerAccountId);
}
