package com.delivery.order.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.kit.web.ApiException;
import com.delivery.order.api.Requests.CancelRequest;
import com.delivery.order.api.Requests.PlaceOrderRequest;
import com.delivery.order.api.Requests.StatusRequest;
import com.delivery.order.app.OrderPage;
import com.delivery.order.app.OrderPlacement;
import com.delivery.order.app.OrderQueries;
import com.delivery.order.app.OrderView;
import com.delivery.order.app.OrderWorkflow;
import com.delivery.order.domain.OrderStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderPlacement placement;
    private final OrderQueries queries;
    private final OrderWorkflow workflow;

    OrderController(OrderPlacement placement, OrderQueries queries, OrderWorkflow workflow) {
        this.placement = placement;
        this.queries = queries;
        this.workflow = workflow;
    }

    @PostMapping
    @Operation(summary = "Check out: price the order from the vendor's catalog and create it (PENDING_PAYMENT)",
            description = "201 with the order; with an Idempotency-Key, repeating the same request answers 200 with "
                    + "the same order, another request under the same key 422. 422 lists what keeps the vendor from "
                    + "taking the order; 404 for an unknown vendor; 503 when a vendor not yet in the catalog "
                    + "replica has to be quoted by the vendor service and it cannot be reached (no order is made).")
    ResponseEntity<OrderView> place(CurrentUser user, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        if (!user.has(Role.CUSTOMER)) {
            throw ApiException.forbidden("Only customers place orders");
        }
        // checked here rather than with @Size: a parameter constraint would turn body errors into method-level ones
        if (idempotencyKey != null && idempotencyKey.length() > 200) {
            throw ApiException.badRequest("invalid-idempotency-key", "Idempotency-Key must be at most 200 characters");
        }
        OrderPlacement.Placement placed = placement.place(Actors.of(user), request.command(), authorization,
                idempotencyKey);
        return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/orders/" + placed.order().id()))
                .body(placed.order());
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order with its lines, totals, driver and timeline (customer, vendor owner, driver, admin)")
    OrderView get(@PathVariable UUID orderId, CurrentUser user) {
        return queries.get(orderId, Actors.of(user));
    }

    @GetMapping("/user/{userId}")
    @Operation(summary = "A customer's orders, newest first (the customer or an admin)")
    OrderPage ofUser(@PathVariable UUID userId, CurrentUser user,
            @RequestParam(required = false) List<OrderStatus> status,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.ofCustomer(userId, statuses(status), from, to, page, size, Actors.of(user));
    }

    @GetMapping("/vendor/{vendorId}")
    @Operation(summary = "A vendor's orders, newest first (the vendor's owner or an admin)")
    OrderPage ofVendor(@PathVariable UUID vendorId, CurrentUser user,
            @RequestParam(required = false) List<OrderStatus> status,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.ofVendor(vendorId, statuses(status), from, to, page, size, Actors.of(user));
    }

    @PutMapping("/{orderId}/status")
    @Operation(summary = "Move the order: the vendor CONFIRMED, PREPARING, READY_FOR_PICKUP; the assigned driver "
            + "PICKED_UP, DELIVERED; admins any of them",
            description = "403 for someone who may not make this move, 409 for a move that does not exist from the "
                    + "current status or a stale version")
    OrderView changeStatus(@PathVariable UUID orderId, CurrentUser user, @Valid @RequestBody StatusRequest request) {
        return workflow.move(orderId, request.status().domain(), request.reason(), request.version(), Actors.of(user));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel: the customer, or the vendor rejecting it, while PENDING_PAYMENT, PLACED or CONFIRMED")
    OrderView cancel(@PathVariable UUID orderId, CurrentUser user, @Valid @RequestBody CancelRequest request) {
        return workflow.cancel(orderId, request.reason(), request.version(), Actors.of(user));
    }

    /** A blank {@code ?status=} converts to no status: it filters nothing. */
    static Set<OrderStatus> statuses(List<OrderStatus> status) {
        return status == null ? Set.of()
                : status.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
