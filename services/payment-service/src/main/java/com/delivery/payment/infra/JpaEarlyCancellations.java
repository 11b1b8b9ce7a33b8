package com.delivery.payment.infra;

import com.delivery.payment.domain.EarlyCancellation;
import com.delivery.payment.domain.EarlyCancellations;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaEarlyCancellations extends JpaRepository<EarlyCancellation, UUID>, EarlyCancellations {
}
