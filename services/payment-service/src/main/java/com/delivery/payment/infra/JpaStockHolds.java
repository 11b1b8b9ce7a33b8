package com.delivery.payment.infra;

import com.delivery.payment.domain.StockHold;
import com.delivery.payment.domain.StockHolds;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaStockHolds extends JpaRepository<StockHold, UUID>, StockHolds {
}
