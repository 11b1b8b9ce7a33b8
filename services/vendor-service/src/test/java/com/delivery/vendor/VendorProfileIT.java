package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.Topics;
import com.delivery.events.VendorRegistered;
import com.delivery.testsupport.EventProbe;
import java.time.Duration;

import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.TestTokens;
import com.delivery.vendor.Vendors.TestVendor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

class VendorProfileIT extends VendorIT {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void aVendorUserRegistersAVendorThatWaitsForApprovalAndIsTheirs() {
        UUID owner = UUID.randomUUID();
        String token = TestTokens.token(owner, "VENDOR");
        Response created;
        try (EventProbe probe = EventProbe.open(Topics.VENDOR_REGISTERED)) {
            created = api.post("/api/v1/vendors", Vendors.pizzeria("Luigi's Pizzeria"), token);

            String vendorId = created.text("id");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(probe.valuesFor(vendorId)).hasSize(1);
                VendorRegistered registered = EventCodec.decode(probe.valuesFor(vendorId).getFirst(),
                        VendorRegistered.class).payload();
                assertThat(registered.ownerUserId()).isEqualTo(owner);
                assertThat(registered.name()).isEqualTo("Luigi's Pizzeria");
                assertThat(registered.category()).isEqualTo("FOOD");
            });
        }

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/vendors/" + created.text("id"));
        assertThat(created.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(created.text("ownerUserId")).isEqualTo(owner.toString());
        assertThat(created.json().path("location").path("lat").asDouble()).isEqualTo(Vendors.MITTE_LAT);
        assertThat(api.get("/api/v1/vendors/mine", token).json().valueStream().map(v -> v.path("id").asString()))
                .containsExactly(created.text("id"));
    }

    @Test
    void onlyVendorAccountsRegisterVendors() {
        assertThat(api.post("/api/v1/vendors", Vendors.pizzeria("Nope"), customer()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/vendors", Vendors.pizzeria("Nope"), null).status()).isEqualTo(401);
    }

    @Test
    void customersSeeOnlyApprovedVendors() {
        TestVendor pending = vendors.pendingPizzeria();
        TestVendor approved = vendors.approvedPizzeria();
        String customer = customer();

        assertThat(api.get(pending.path(), customer).status()).isEqualTo(404);
        assertThat(api.get(pending.path() + "/menu", customer).status()).isEqualTo(404);
        assertThat(api.get(pending.path(), pending.ownerToken()).status()).as("its owner").isEqualTo(200);
        assertThat(api.get(pending.path(), admin).status()).as("an admin").isEqualTo(200);
        Response visible = api.get(approved.path(), customer);
        assertThat(visible.status()).isEqualTo(200);
        assertThat(visible.json().path("openNow").asBoolean()).isTrue();
    }

    @Test
    void onlyTheOwnerOrAnAdminChangesAVendor() {
        TestVendor luigi = vendors.approvedPizzeria();
        Map<String, Object> changed = Vendors.pizzeria("Luigi's Pizzeria & Bar");

        assertThat(api.put(luigi.path(), changed, vendorUser()).status()).as("another vendor").isEqualTo(403);
        assertThat(api.put(luigi.path(), changed, customer()).status()).as("a customer").isEqualTo(403);
        assertThat(api.put(luigi.path(), changed, null).status()).as("anonymous").isEqualTo(401);
        assertThat(api.put(luigi.path() + "/hours", Vendors.openAroundTheClock(), vendorUser()).status()).isEqualTo(403);
        assertThat(api.delete(luigi.path(), customer()).status()).isEqualTo(403);

        Response byOwner = api.put(luigi.path(), changed, luigi.ownerToken());
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(200);
        assertThat(byOwner.text("name")).isEqualTo("Luigi's Pizzeria & Bar");
        changed.put("name", "Luigi's, checked by admin");
        assertThat(api.put(luigi.path(), changed, admin).status()).isEqualTo(200);
    }

    @Test
    void unknownVendorsAreNotFound() {
        String unknown = "/api/v1/vendors/" + UUID.randomUUID();

        assertThat(api.get(unknown, customer()).status()).isEqualTo(404);
        assertThat(api.put(unknown, Vendors.pizzeria("x"), vendorUser()).status()).isEqualTo(404);
        assertThat(api.get(unknown, customer()).text("type")).isEqualTo("/problems/not-found");
        assertThat(api.get("/api/v1/vendors/not-a-uuid", customer()).status()).isEqualTo(400);
    }

    @Test
    void invalidProfilesAreListedFieldByField() {
        Map<String, Object> bad = Vendors.pizzeria("");
        bad.put("lat", 123.0);
        bad.put("currency", "euro");
        bad.put("priceLevel", 7);

        Response response = api.post("/api/v1/vendors", bad, vendorUser());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .contains("name", "lat", "currency", "priceLevel");
    }

    @Test
    void anUnknownTimeZoneIsABadRequest() {
        Map<String, Object> bad = Vendors.pizzeria("Somewhere");
        bad.put("timeZone", "Mars/Olympus_Mons");

        Response response = api.post("/api/v1/vendors", bad, vendorUser());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("/problems/invalid-time-zone");
    }

    @Test
    void hoursAcrossMidnightAreKeptAndOverlapsRefused() {
        TestVendor luigi = vendors.approvedPizzeria();
        Map<String, Object> lateNights = Map.of("timeZone", "Asia/Tokyo",
                "weekly", List.of(Map.of("day", "FRIDAY", "opens", "18:00", "closes", "02:00"),
                        Map.of("day", "SATURDAY", "opens", "18:00", "closes", "02:00")),
                "closures", List.of(Map.of("from", "2026-12-24", "to", "2026-12-26", "reason", "Christmas")));

        Response saved = api.put(luigi.path() + "/hours", lateNights, luigi.ownerToken());

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.text("timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(saved.json().path("weekly").get(0).path("closes").asString()).startsWith("02:00");
        Response overlapping = api.put(luigi.path() + "/hours", Map.of("weekly", List.of(
                Map.of("day", "FRIDAY", "opens", "18:00", "closes", "03:00"),
                Map.of("day", "SATURDAY", "opens", "01:00", "closes", "04:00"))), luigi.ownerToken());
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.text("type")).isEqualTo("/problems/overlapping-hours");
    }

    @Test
    void aChangedProfileIsNeverServedStaleFromTheCache() {
        TestVendor luigi = vendors.approvedPizzeria();
        String customer = customer();
        assertThat(api.get(luigi.path(), customer).text("name")).isEqualTo("Luigi's Pizzeria");
        // a Redis call slower than its 250 ms timeout on a loaded machine leaves Redis alone for 2 s (the read then
        // comes from PostgreSQL, uncached): read until the profile is in the cache, so the test is about the cache
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(api.get(luigi.path(), customer).text("name")).isEqualTo("Luigi's Pizzeria");
            assertThat(redis.hasKey("vendor-service:vendor-profiles::" + luigi.id())).as("cached").isTrue();
        });

        ok(api.put(luigi.path(), Vendors.pizzeria("Luigi's Trattoria"), luigi.ownerToken()));

        assertThat(api.get(luigi.path(), customer).text("name")).isEqualTo("Luigi's Trattoria");
    }

    @Test
    void closingAVendorHidesItFromCustomers() {
        TestVendor luigi = vendors.approvedPizzeria();

        assertThat(api.delete(luigi.path(), luigi.ownerToken()).status()).isEqualTo(204);

        assertThat(api.get(luigi.path(), customer()).status()).isEqualTo(404);
        assertThat(api.get(luigi.path(), luigi.ownerToken()).text("status")).isEqualTo("CLOSED");
    }
}
