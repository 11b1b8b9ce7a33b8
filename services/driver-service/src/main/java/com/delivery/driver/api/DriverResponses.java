package com.delivery.driver.api;

import com.delivery.driver.app.DriverView;
import com.delivery.driver.app.EarningsBook;
import com.delivery.driver.app.EarningsService;
import com.delivery.driver.app.OfferView;
import com.delivery.driver.domain.Assignment;
import com.delivery.driver.domain.AssignmentStatus;
import com.delivery.driver.domain.DocumentType;
import com.delivery.driver.domain.Driver;
import com.delivery.driver.domain.DriverDocument;
import com.delivery.driver.domain.DriverStatus;
import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.domain.NearbyDriver;
import com.delivery.driver.domain.RatingSummary;
import com.delivery.driver.domain.VehicleType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the driver API (never entities). */
final class DriverResponses {

    private DriverResponses() {
    }

    record DriverResponse(UUID id, String fullName, String phone, DriverStatus status, String statusReason,
            VehicleResponse vehicle, List<DocumentResponse> documents, boolean online, Instant onlineSince,
            RatingResponse rating, long deliveries, boolean busy, Instant createdAt, Instant reviewedAt) {

        static DriverResponse of(DriverView view) {
            Driver d = view.driver();
            return new DriverResponse(d.id(), d.fullName(), d.phone(), d.status(), d.statusReason(),
                    new VehicleResponse(d.vehicle().type(), d.vehicle().plate(), d.vehicle().model()),
                    d.documents().stream().map(doc -> DocumentResponse.of(doc, view.today())).toList(),
                    d.online(), d.onlineSince(), RatingResponse.of(view.rating()), view.deliveries(), view.busy(),
                    d.createdAt(), d.reviewedAt());
        }
    }

    record VehicleResponse(VehicleType type, String plate, String model) {
    }

    /** @param valid not expired today */
    record DocumentResponse(DocumentType type, String number, LocalDate expiresOn, boolean valid) {

        static DocumentResponse of(DriverDocument document, LocalDate today) {
            return new DocumentResponse(document.type(), document.number(), document.expiresOn(),
                    document.isValidOn(today));
        }
    }

    /** @param average average stars, {@code null} while unrated */
    record RatingResponse(Double average, long count) {

        static RatingResponse of(RatingSummary summary) {
            return new RatingResponse(summary.average(), summary.count());
        }
    }

    record PageResponse<T>(List<T> items, int page, int size, long total) {
    }

    record PresenceResponse(UUID driverId, boolean online, Instant since) {
    }

    record NearbyResponse(UUID driverId, String fullName, VehicleType vehicleType, double distanceKm,
            RatingResponse rating, long deliveries, double lat, double lng) {

        static NearbyResponse of(NearbyDriver driver) {
            return new NearbyResponse(driver.facts().id(), driver.facts().fullName(), driver.facts().vehicleType(),
                    Math.round(driver.distanceMeters()) / 1000.0,
                    RatingResponse.of(RatingSummary.of(driver.facts().averageRating(), driver.facts().ratingCount())),
                    driver.facts().deliveries(), driver.position().lat(), driver.position().lng());
        }
    }

    record PointResponse(double lat, double lng) {

        static PointResponse of(GeoPosition position) {
            return new PointResponse(position.lat(), position.lng());
        }
    }

    record OfferResponse(UUID orderId, UUID driverId, String vendorName, PointResponse pickup, PointResponse dropoff,
            int distanceMeters, Instant offeredAt, Instant expiresAt) {

        static OfferResponse of(OfferView offer) {
            return new OfferResponse(offer.orderId(), offer.driverId(), offer.vendorName(),
                    PointResponse.of(offer.pickup()), PointResponse.of(offer.dropoff()), offer.distanceMeters(),
                    offer.offeredAt(), offer.expiresAt());
        }
    }

    record AssignmentResponse(UUID orderId, UUID driverId, AssignmentStatus status, Instant assignedAt) {

        static AssignmentResponse of(Assignment assignment) {
            return new AssignmentResponse(assignment.orderId(), assignment.driverId(), assignment.status(),
                    assignment.assignedAt());
        }
    }

    record DeclineResponse(UUID orderId, UUID driverId, String status) {
    }

    record AmountsResponse(long deliveries, long baseMinor, long distanceMinor, long tipMinor, long totalMinor) {

        static AmountsResponse of(EarningsBook.Totals totals) {
            return new AmountsResponse(totals.deliveries(), totals.baseMinor(), totals.distanceMinor(),
                    totals.tipMinor(), totals.totalMinor());
        }
    }

    record DayResponse(LocalDate date, long deliveries, long baseMinor, long distanceMinor, long tipMinor,
            long totalMinor, long onlineSeconds) {
    }

    record MonthResponse(String month, long deliveries, long baseMinor, long distanceMinor, long tipMinor,
            long totalMinor) {
    }

    record EarningsResponse(UUID driverId, String currency, LocalDate from, LocalDate to, List<DayResponse> days,
            List<MonthResponse> months, AmountsResponse lifetime) {

        static EarningsResponse of(EarningsService.Report report) {
            return new EarningsResponse(report.driverId(), report.currency(), report.from(), report.to(),
                    report.days().stream().map(d -> new DayResponse(d.date(), d.totals().deliveries(),
                            d.totals().baseMinor(), d.totals().distanceMinor(), d.totals().tipMinor(),
                            d.totals().totalMinor(), d.onlineSeconds())).toList(),
                    report.months().stream().map(m -> new MonthResponse(m.period(), m.deliveries(), m.baseMinor(),
                            m.distanceMinor(), m.tipMinor(), m.totalMinor())).toList(),
                    AmountsResponse.of(report.lifetime()));
        }
    }

    record StatsResponse(UUID driverId, long deliveries, long cancellations, long offersReceived,
            long offersAccepted, Double acceptanceRate, RatingResponse rating, long onlineSeconds,
            double onlineHours) {
    }

    record RatedResponse(UUID orderId, UUID driverId, int stars, String comment, Instant createdAt,
            RatingResponse driverRating) {
    }

    record FleetStatsResponse(long online, long busy, long available, long pending) {
    }
}
