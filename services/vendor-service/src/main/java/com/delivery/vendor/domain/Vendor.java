package com.delivery.vendor.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "vendors")
public class Vendor {

    @Id
    private UUID id;

    @Column(name = "owner_user_id", nullable = false, updatable = false)
    private UUID ownerUserId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VendorCategory category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> cuisines = new ArrayList<>();

    private String description;

    @Column(name = "address_line", nullable = false)
    private String addressLine;

    @Column(nullable = false)
    private String city;

    @Column(name = "postal_code")
    private String postalCode;

    private double lat;

    private double lng;

    private String phone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "image_urls", columnDefinition = "text[]", nullable = false)
    private List<String> imageUrls = new ArrayList<>();

    @Column(name = "price_level")
    private int priceLevel;

    @Column(name = "prep_minutes")
    private int prepMinutes;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VendorStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "rating_average")
    private double ratingAverage;

    @Column(name = "rating_count")
    private int ratingCount;

    @ElementCollection
    @CollectionTable(name = "vendor_hours", joinColumns = @JoinColumn(name = "vendor_id"))
    private List<OpeningWindow> weeklyHours = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "vendor_closures", joinColumns = @JoinColumn(name = "vendor_id"))
    private List<SpecialClosure> closures = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Vendor() {
    }

    public Vendor(UUID id, UUID ownerUserId, VendorDetails details, Instant now) {
        this.id = id;
        this.ownerUserId = ownerUserId;
        this.status = VendorStatus.PENDING_APPROVAL;
        this.createdAt = now;
        apply(details, now);
    }

    public void update(VendorDetails details, Instant now) {
        apply(details, now);
    }

    private void apply(VendorDetails d, Instant now) {
        requireZone(d.timeZone());
        requireCurrency(d.currency());
        this.name = InvalidInputException.requireName(d.name(), "name");
        this.category = d.category();
        this.cuisines = new ArrayList<>(d.cuisines());
        this.description = d.description();
        this.addressLine = d.addressLine();
        this.city = d.city();
        this.postalCode = d.postalCode();
        this.lat = d.lat();
        this.lng = d.lng();
        this.phone = d.phone();
        this.imageUrls = new ArrayList<>(d.imageUrls());
        this.priceLevel = d.priceLevel();
        this.prepMinutes = d.prepMinutes();
        this.currency = d.currency();
        this.timeZone = d.timeZone();
        this.updatedAt = now;
    }

    public static ZoneId requireZone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidInputException("invalid-time-zone", "timeZone",
                    "'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    /**
     * A currency ISO 4217 knows (not merely three letters): every amount of the vendor is in it, and the events that
     * carry them (the catalog snapshot, orders, payments) refuse any other.
     */
    static void requireCurrency(String currency) {
        try {
            if (currency != null && Currency.getInstance(currency).getCurrencyCode().equals(currency)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // not a code: refused below
        }
        throw new InvalidInputException("invalid-currency", "currency",
                "'" + currency + "' is not an ISO 4217 currency code such as EUR");
    }

    /** Moves along the approval workflow; the reason is kept for REJECTED and SUSPENDED. */
    public void transitionTo(VendorStatus target, String reason, Instant now) {
        if (!status.canBecome(target)) {
            throw new IllegalTransitionException(status, target);
        }
        this.status = target;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    public void replaceHours(List<OpeningWindow> weekly, List<SpecialClosure> specialClosures, String timeZone,
            Instant now) {
        OpeningHours.requireNoOverlap(weekly);
        if (timeZone != null) {
            requireZone(timeZone);
            this.timeZone = timeZone;
        }
        this.weeklyHours.clear();
        this.weeklyHours.addAll(weekly);
        this.closures.clear();
        this.closures.addAll(specialClosures);
        this.updatedAt = now;
    }

    public boolean isOpenAt(Instant at) {
        return OpeningHours.isOpenAt(weeklyHours, closures, zone(), at);
    }

    public void addRating(int stars, Instant now) {
        double total = ratingAverage * ratingCount + stars;
        ratingCount++;
        ratingAverage = Math.round(total / ratingCount * 100.0) / 100.0;
        this.updatedAt = now;
    }

    public boolean isOwnedBy(UUID userId) {
        return ownerUserId.equals(userId);
    }

    public boolean isApproved() {
        return status == VendorStatus.APPROVED;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public UUID id() {
        return id;
    }

    public UUID ownerUserId() {
        return ownerUserId;
    }

    public String name() {
        return name;
    }

    public VendorCategory category() {
        return category;
    }

    public List<String> cuisines() {
        return List.copyOf(cuisines);
    }

    public String description() {
        return description;
    }

    public String addressLine() {
        return addressLine;
    }

    public String city() {
        return city;
    }

    public String postalCode() {
        return postalCode;
    }

    public double lat() {
        return lat;
    }

    public double lng() {
        return lng;
    }

    public String phone() {
        return phone;
    }

    public List<String> imageUrls() {
        return List.copyOf(imageUrls);
    }

    public int priceLevel() {
        return priceLevel;
    }

    public int prepMinutes() {
        return prepMinutes;
    }

    public String currency() {
        return currency;
    }

    public String timeZone() {
        return timeZone;
    }

    public VendorStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public double ratingAverage() {
        return ratingAverage;
    }

    public int ratingCount() {
        return ratingCount;
    }

    public List<OpeningWindow> weeklyHours() {
        return List.copyOf(weeklyHours);
    }

    public List<SpecialClosure> closures() {
        return List.copyOf(closures);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
