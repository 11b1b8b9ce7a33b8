package com.delivery.tracking.api;

import com.delivery.tracking.app.LocationReport;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * The REST twin of the socket's {@code location:update}. Ranges, accuracy, time and jumps are checked by the
 * tracking rules (422 with the reason), the same as for the socket.
 */
record LocationRequest(
        @Schema(description = "the order being delivered; the driver's active trip when left out") UUID orderId,
        @NotNull @Schema(description = "latitude, -90..90") Double lat,
        @NotNull @Schema(description = "longitude, -180..180") Double lng,
        @Schema(description = "degrees clockwise from north, 0..360") Double heading,
        @Schema(description = "metres per second") Double speed,
        @Schema(description = "horizontal accuracy in metres") Double accuracy,
        @NotBlank @Schema(description = "when the device took the fix: epoch milliseconds or ISO-8601",
                example = "2026-03-14T19:05:12.345Z") String ts) {

    LocationReport toReport() {
        return new LocationReport(orderId, lat, lng, heading, speed, accuracy, ts);
    }
}
