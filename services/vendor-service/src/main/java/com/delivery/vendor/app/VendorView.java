package com.delivery.vendor.app;

import com.delivery.vendor.domain.OpeningHours;
import com.delivery.vendor.domain.OpeningWindow;
import com.delivery.vendor.domain.SpecialClosure;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.VendorCategory;
import com.delivery.vendor.domain.VendorStatus;
import com.delivery.vendor.domain.Visibility;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A vendor profile as read (and cached in Redis for an hour); "open now" is computed from it on every read. */
public record VendorView(
        UUID id,
        UUID ownerUserId,
        String name,
        VendorCategory category,
        List<String> cuisines,
        String description,
        String addressLine,
        String city,
        String postalCode,
        double lat,
        double lng,
        String phone,
        List<String> imageUrls,
        int priceLevel,
        int prepMinutes,
        String currency,
        String timeZone,
        VendorStatus status,
        String statusReason,
        double ratingAverage,
        int ratingCount,
        List<Window> weeklyHours,
        List<Closure> closures,
        Instant createdAt,
        Instant updatedAt) implements Serializable {

    public record Window(DayOfWeek day, LocalTime opens, LocalTime closes) implements Serializable {
    }

    public record Closure(LocalDate from, LocalDate to, String reason) implements Serializable {
    }

    public static VendorView of(Vendor v) {
        return new VendorView(v.id(), v.ownerUserId(), v.name(), v.category(), List.copyOf(v.cuisines()),
                v.description(), v.addressLine(), v.city(), v.postalCode(), v.lat(), v.lng(), v.phone(),
                List.copyOf(v.imageUrls()), v.priceLevel(), v.prepMinutes(), v.currency(), v.timeZone(), v.status(),
                v.statusReason(), v.ratingAverage(), v.ratingCount(),
                v.weeklyHours().stream().map(w -> new Window(w.day(), w.opens(), w.closes())).toList(),
                v.closures().stream().map(c -> new Closure(c.fromDate(), c.toDate(), c.reason())).toList(),
                v.createdAt(), v.updatedAt());
    }

    public boolean isOpenAt(Instant at) {
        return OpeningHours.isOpenAt(
                weeklyHours.stream().map(w -> new OpeningWindow(w.day(), w.opens(), w.closes())).toList(),
                closures.stream().map(c -> new SpecialClosure(c.from(), c.to(), c.reason())).toList(),
                ZoneId.of(timeZone), at);
    }

    public boolean visibleTo(UUID viewerId, boolean admin) {
        return Visibility.visible(status, ownerUserId, viewerId, admin);
    }
}
