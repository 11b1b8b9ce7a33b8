package com.delivery.driver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DriverTest {

    private static final Instant NOW = Instant.parse("2026-03-14T18:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-14");
    private static final UUID ADMIN = UUID.randomUUID();

    @Test
    void aNewDriverIsPendingAndMayNotGoOnline() {
        Driver driver = aDriver(allDocumentsValidUntil(TODAY.plusYears(1)));

        assertThat(driver.status()).isEqualTo(DriverStatus.PENDING);
        assertThat(driver.onlineRefusal(TODAY)).map(OnlineRefusal::code).contains("not-approved");
    }

    @Test
    void anApprovedDriverWithValidDocumentsMayGoOnlineUpToAndIncludingTheExpiryDay() {
        Driver driver = aDriver(allDocumentsValidUntil(TODAY));
        driver.approve(ADMIN, TODAY, NOW);

        assertThat(driver.onlineRefusal(TODAY)).isEmpty();
        assertThat(driver.onlineRefusal(TODAY.plusDays(1))).map(OnlineRefusal::code).contains("documents-expired");
        assertThat(driver.onlineRefusal(TODAY.plusDays(1)).orElseThrow().reason())
                .contains("LICENCE (expired on 2026-03-14)");
    }

    @Test
    void approvalNeedsEveryDocumentType() {
        List<DriverDocument> documents = new ArrayList<>(allDocumentsValidUntil(TODAY.plusYears(1)));
        documents.removeIf(d -> d.type() == DocumentType.INSURANCE);
        Driver driver = aDriver(documents);

        assertThatThrownBy(() -> driver.approve(ADMIN, TODAY, NOW)).isInstanceOf(DriverRuleException.class)
                .hasMessageContaining("INSURANCE");
        assertThat(driver.status()).isEqualTo(DriverStatus.PENDING);
    }

    @Test
    void theSameDocumentTypeTwiceIsRefused() {
        List<DriverDocument> documents = List.of(new DriverDocument(DocumentType.LICENCE, "1", TODAY),
                new DriverDocument(DocumentType.LICENCE, "2", TODAY));

        assertThatThrownBy(() -> aDriver(documents)).isInstanceOf(InvalidDriverInputException.class);
    }

    @Test
    void aRejectedDriverIsReviewedAgainOnceTheyFixSomething() {
        Driver driver = aDriver(allDocumentsValidUntil(TODAY.plusYears(1)));
        driver.reject(ADMIN, "Blurry licence", NOW);

        driver.putDocument(new DriverDocument(DocumentType.LICENCE, "L-2", TODAY.plusYears(2)), NOW);

        assertThat(driver.status()).isEqualTo(DriverStatus.PENDING);
        assertThat(driver.statusReason()).isNull();
        assertThat(driver.documents()).hasSize(3);
    }

    @Test
    void onlyTheWorkflowsTransitionsAreAllowed() {
        Driver driver = aDriver(allDocumentsValidUntil(TODAY.plusYears(1)));

        assertThatThrownBy(() -> driver.suspend(ADMIN, "x", NOW)).isInstanceOf(DriverRuleException.class);
        assertThatThrownBy(() -> driver.reinstate(ADMIN, NOW)).isInstanceOf(DriverRuleException.class);
        driver.approve(ADMIN, TODAY, NOW);
        assertThatThrownBy(() -> driver.reject(ADMIN, "late", NOW)).isInstanceOf(DriverRuleException.class);
        driver.suspend(ADMIN, "complaints", NOW);
        driver.reinstate(ADMIN, NOW);
        assertThat(driver.status()).isEqualTo(DriverStatus.APPROVED);
    }

    @Test
    void goingOfflineEndsTheShiftThatGoingOnlineStarted() {
        Driver driver = aDriver(allDocumentsValidUntil(TODAY.plusYears(1)));
        driver.approve(ADMIN, TODAY, NOW);

        assertThat(driver.wentOnline(NOW)).isTrue();
        assertThat(driver.wentOnline(NOW.plusSeconds(60))).as("already online: the shift goes on").isFalse();
        Shift shift = driver.wentOffline(NOW.plus(Duration.ofMinutes(90))).orElseThrow();

        assertThat(shift.startedAt()).isEqualTo(NOW);
        assertThat(shift.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(driver.wentOffline(NOW.plus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void suspendingAnOnlineDriverEndsTheirShift() {
        Driver driver = aDriver(allDocumentsValidUntil(TODAY.plusYears(1)));
        driver.approve(ADMIN, TODAY, NOW);
        driver.wentOnline(NOW);

        assertThat(driver.suspend(ADMIN, "complaints", NOW.plusSeconds(600))).map(Shift::duration)
                .contains(Duration.ofMinutes(10));
        assertThat(driver.online()).isFalse();
        assertThat(driver.onlineRefusal(TODAY).orElseThrow().reason()).contains("suspended: complaints");
    }

    private static Driver aDriver(List<DriverDocument> documents) {
        return new Driver(UUID.randomUUID(), "Tom Becker", null, new Vehicle(VehicleType.BICYCLE, " b-x 1 ", "Bike"),
                documents, NOW);
    }

    private static List<DriverDocument> allDocumentsValidUntil(LocalDate day) {
        return List.of(new DriverDocument(DocumentType.LICENCE, "L-1", day),
                new DriverDocument(DocumentType.INSURANCE, "I-1", day),
                new DriverDocument(DocumentType.IDENTITY, "ID-1", day));
    }
}
