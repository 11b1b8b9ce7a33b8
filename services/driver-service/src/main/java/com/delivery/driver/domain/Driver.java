package com.delivery.driver.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A driver's profile: who they are, their vehicle and documents, the background check, and whether they are online. */
@Entity
@Table(name = "drivers")
public class Driver {

    @Id
    private UUID id;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DriverStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Embedded
    private Vehicle vehicle;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "driver_documents", joinColumns = @JoinColumn(name = "driver_id"))
    private List<DriverDocument> documents = new ArrayList<>();

    @Column(nullable = false)
    private boolean online;

    @Column(name = "online_since")
    private Instant onlineSince;

    @Column(name = "reviewed_by")
    private UUID reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected Driver() {
    }

    /** A new profile waiting for the background check. */
    public Driver(UUID id, String fullName, String phone, Vehicle vehicle, Collection<DriverDocument> documents,
            Instant now) {
        this.id = id;
        this.fullName = fullName.trim();
        this.phone = phone;
        this.vehicle = vehicle;
        this.status = DriverStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
        requireDistinctTypes(documents);
        this.documents.addAll(documents);
    }

    // ---- profile -----------------------------------------------------------------------------------------------

    public void updateProfile(String fullName, String phone, Instant now) {
        if (fullName != null) {
            this.fullName = fullName.trim();
        }
        if (phone != null) {
            this.phone = phone;
        }
        this.updatedAt = now;
    }

    /** A new vehicle; a rejected driver who fixes their vehicle goes back into the review queue. */
    public void changeVehicle(Vehicle vehicle, Instant now) {
        this.vehicle = vehicle;
        resubmitIfRejected(now);
    }

    /** Adds or replaces the document of its type; a rejected driver who fixes a document goes back into review. */
    public void putDocument(DriverDocument document, Instant now) {
        documents.removeIf(d -> d.type() == document.type());
        documents.add(document);
        resubmitIfRejected(now);
    }

    private void resubmitIfRejected(Instant now) {
        if (status == DriverStatus.REJECTED) {
            status = DriverStatus.PENDING;
            statusReason = null;
        }
        updatedAt = now;
    }

    // ---- background check --------------------------------------------------------------------------------------

    /** Approval needs a complete set of documents that are valid today. */
    public void approve(UUID adminId, LocalDate today, Instant now) {
        requireTransition(DriverStatus.APPROVED);
        documentProblem(today).ifPresent(problem -> {
            throw new DriverRuleException(problem.code(), problem.reason());
        });
        review(DriverStatus.APPROVED, null, adminId, now);
    }

    public void reject(UUID adminId, String reason, Instant now) {
        requireTransition(DriverStatus.REJECTED);
        review(DriverStatus.REJECTED, reason, adminId, now);
    }

    /** Suspends an approved driver; returns the shift that ends with it if the driver was online. */
    public Optional<Shift> suspend(UUID adminId, String reason, Instant now) {
        requireTransition(DriverStatus.SUSPENDED);
        review(DriverStatus.SUSPENDED, reason, adminId, now);
        return wentOffline(now);
    }

    public void reinstate(UUID adminId, Instant now) {
        if (status != DriverStatus.SUSPENDED) {
            throw illegalTransition(DriverStatus.APPROVED);
        }
        review(DriverStatus.APPROVED, null, adminId, now);
    }

    private void review(DriverStatus target, String reason, UUID adminId, Instant now) {
        this.status = target;
        this.statusReason = reason;
        this.reviewedBy = adminId;
        this.reviewedAt = now;
        this.updatedAt = now;
    }

    private void requireTransition(DriverStatus target) {
        if (!status.canBecome(target)) {
            throw illegalTransition(target);
        }
    }

    private DriverRuleException illegalTransition(DriverStatus target) {
        return new DriverRuleException("illegal-transition",
                "A driver cannot go from " + status + " to " + target);
    }

    // ---- online ------------------------------------------------------------------------------------------------

    /** Empty when the driver may go online today; otherwise why not. */
    public Optional<OnlineRefusal> onlineRefusal(LocalDate today) {
        if (status != DriverStatus.APPROVED) {
            String why = switch (status) {
                case PENDING -> "The driver is not approved yet (status PENDING); the background check is still open";
                case REJECTED -> "The driver was rejected" + (statusReason == null ? "" : ": " + statusReason);
                case SUSPENDED -> "The driver is suspended" + (statusReason == null ? "" : ": " + statusReason);
                case APPROVED -> throw new IllegalStateException();
            };
            return Optional.of(new OnlineRefusal("not-approved", why));
        }
        return documentProblem(today);
    }

    private Optional<OnlineRefusal> documentProblem(LocalDate today) {
        Set<DocumentType> missing = EnumSet.allOf(DocumentType.class);
        documents.forEach(d -> missing.remove(d.type()));
        if (!missing.isEmpty()) {
            return Optional.of(new OnlineRefusal("documents-missing", "Missing documents: " + names(missing)));
        }
        List<DriverDocument> expired = documents.stream().filter(d -> !d.isValidOn(today))
                .sorted(Comparator.comparing(DriverDocument::type)).toList();
        if (!expired.isEmpty()) {
            return Optional.of(new OnlineRefusal("documents-expired", "Expired documents: " + expired.stream()
                    .map(d -> d.type() + " (expired on " + d.expiresOn() + ")").collect(Collectors.joining(", "))));
        }
        return Optional.empty();
    }

    /** Marks the driver online; false if they already were (the current shift goes on). */
    public boolean wentOnline(Instant now) {
        if (online) {
            return false;
        }
        online = true;
        onlineSince = now;
        updatedAt = now;
        return true;
    }

    /** Marks the driver offline as of {@code end}; the shift that ended, or empty if they were not online. */
    public Optional<Shift> wentOffline(Instant end) {
        if (!online) {
            return Optional.empty();
        }
        Shift shift = new Shift(id, onlineSince, end);
        online = false;
        onlineSince = null;
        updatedAt = end.isAfter(updatedAt) ? end : updatedAt;
        return Optional.of(shift);
    }

    public boolean isApproved() {
        return status == DriverStatus.APPROVED;
    }

    private static void requireDistinctTypes(Collection<DriverDocument> documents) {
        Set<DocumentType> seen = EnumSet.noneOf(DocumentType.class);
        for (DriverDocument d : documents) {
            if (!seen.add(d.type())) {
                throw new InvalidDriverInputException("documents", "Each document type may appear once; "
                        + d.type() + " appears twice");
            }
        }
    }

    private static String names(Set<DocumentType> types) {
        return types.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public String phone() {
        return phone;
    }

    public DriverStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Vehicle vehicle() {
        return vehicle;
    }

    public List<DriverDocument> documents() {
        return documents.stream().sorted(Comparator.comparing(DriverDocument::type)).toList();
    }

    public boolean online() {
        return online;
    }

    public Instant onlineSince() {
        return onlineSince;
    }

    public UUID reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
