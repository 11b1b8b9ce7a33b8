package com.delivery.user.infra;

import com.delivery.user.domain.Address;
import com.delivery.user.domain.Addresses;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaAddresses extends JpaRepository<Address, UUID>, Addresses {
}
