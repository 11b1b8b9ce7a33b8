package com.delivery.payment.infra;

import com.delivery.payment.domain.StripeCustomer;
import com.delivery.payment.domain.StripeCustomers;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaStripeCustomers extends JpaRepository<StripeCustomer, UUID>, StripeCustomers {
}
