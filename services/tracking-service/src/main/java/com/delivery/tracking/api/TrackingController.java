package com.delivery.tracking.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.tracking.api.TrackingViews.OrderTrackingView;
import com.delivery.tracking.api.TrackingViews.RoutePointView;
import com.delivery.tracking.api.TrackingViews.RouteView;
import com.delivery.tracking.app.TrackingQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tracking/orders")
@Tag(name = "Order tracking")
class TrackingController {

    private final TrackingQueries queries;

    TrackingController(TrackingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "Where the order's driver is now, flagged stale after 30 s without a fix, and the last ETA",
            description = "For the order's customer, driver, vendor owner and admins (403 for others; 404 for an "
                    + "order tracking has not heard of: tracking learns an order when a driver is assigned).")
    OrderTrackingView order(CurrentUser user, @PathVariable UUID orderId) {
        return OrderTrackingView.of(queries.order(Viewers.of(user), orderId));
    }

    @GetMapping("/{orderId}/route")
    @Operation(summary = "The path the driver took for this order, oldest fix first")
    RouteView route(CurrentUser user, @PathVariable UUID orderId) {
        return new RouteView(orderId, queries.route(Viewers.of(user), orderId).stream().map(RoutePointView::of).toList());
    }
}
