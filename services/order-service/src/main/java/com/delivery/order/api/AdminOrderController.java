package com.delivery.order.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.order.api.Requests.CancelRequest;
import com.delivery.order.app.OrderPage;
import com.delivery.order.app.OrderQueries;
import com.delivery.order.app.OrderView;
import com.delivery.order.app.OrderWorkflow;
import com.delivery.order.domain.OrderFilter;
import com.delivery.order.domain.OrderStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/orders")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: orders")
class AdminOrderController {

    private final OrderQueries queries;
    private final OrderWorkflow workflow;

    AdminOrderController(OrderQueries queries, OrderWorkflow workflow) {
        this.queries = queries;
        this.workflow = workflow;
    }

    @GetMapping
    @Operation(summary = "All orders, newest first, filtered by status, vendor, customer, category and creation time")
    OrderPage search(@RequestParam(required = false) List<OrderStatus> status,
            @RequestParam(required = false) UUID vendorId, @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.search(new OrderFilter(customerId, vendorId, null, OrderController.statuses(status), category,
                from, to), page, size);
    }

    @GetMapping("/stats")
    @Operation(summary = "Active orders by status and orders created per minute over the last 15 minutes")
    OrderQueries.Stats stats() {
        return queries.stats();
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel as an admin (from PENDING_PAYMENT, PLACED or CONFIRMED), with a reason")
    OrderView cancel(@PathVariable UUID orderId, CurrentUser admin, @Valid @RequestBody CancelRequest request) {
        return workflow.forceCancel(orderId, request.reason(), Actors.of(admin));
    }
}
