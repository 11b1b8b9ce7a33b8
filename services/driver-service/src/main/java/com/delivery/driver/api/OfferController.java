package com.delivery.driver.api;

import com.delivery.driver.api.DriverResponses.AssignmentResponse;
import com.delivery.driver.api.DriverResponses.DeclineResponse;
import com.delivery.driver.api.DriverResponses.OfferResponse;
import com.delivery.driver.app.MatchingService;
import com.delivery.kit.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/drivers/{driverId}/offers")
@Tag(name = "Driver offers")
class OfferController {

    private final MatchingService matching;

    OfferController(MatchingService matching) {
        this.matching = matching;
    }

    @GetMapping("/current")
    @Operation(summary = "The order offered to me right now, 204 if none")
    ResponseEntity<OfferResponse> current(@PathVariable UUID driverId, CurrentUser user) {
        Access.requireSelf(user, driverId);
        return matching.currentOffer(driverId).map(OfferResponse::of).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{orderId}/accept")
    @Operation(summary = "Take the offered order (409 if the offer expired, was declined or withdrawn; 403 if it "
            + "was offered to someone else)")
    AssignmentResponse accept(@PathVariable UUID driverId, @PathVariable UUID orderId, CurrentUser user) {
        Access.requireSelf(user, driverId);
        return AssignmentResponse.of(matching.accept(driverId, orderId));
    }

    @PostMapping("/{orderId}/decline")
    @Operation(summary = "Pass on the offered order; the next driver gets it")
    DeclineResponse decline(@PathVariable UUID driverId, @PathVariable UUID orderId, CurrentUser user) {
        Access.requireSelf(user, driverId);
        matching.decline(driverId, orderId);
        return new DeclineResponse(orderId, driverId, "DECLINED");
    }
}
