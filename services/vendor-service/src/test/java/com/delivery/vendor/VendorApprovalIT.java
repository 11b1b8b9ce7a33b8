package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient.Response;
import com.delivery.vendor.Vendors.TestVendor;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VendorApprovalIT extends VendorIT {

    private static final String ADMIN_VENDORS = "/api/v1/admin/vendors";

    @Test
    void anAdminApprovesAVendorFromTheQueueAndCustomersThenSeeIt() {
        String name = "Queue " + Vendors.marker();
        TestVendor pending = vendors.create(Vendors.pizzeria(name));

        Response queue = api.get(ADMIN_VENDORS + "?status=PENDING_APPROVAL&q=" + name.split(" ")[1], admin);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().path("total").asLong()).isEqualTo(1);
        assertThat(queue.json().path("items").get(0).path("id").asString()).isEqualTo(pending.id().toString());

        Response approved = api.post(ADMIN_VENDORS + "/" + pending.id() + "/approve", null, admin);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(api.get(pending.path(), customer()).status()).isEqualTo(200);
        assertThat(api.get(ADMIN_VENDORS + "?status=PENDING_APPROVAL&q=" + name.split(" ")[1], admin)
                .json().path("total").asLong()).isZero();
    }

    @Test
    void aRejectionNeedsAReasonWhichTheOwnerSeesAndTheOwnerMayResubmit() {
        TestVendor pending = vendors.pendingPizzeria();

        assertThat(api.post(ADMIN_VENDORS + "/" + pending.id() + "/reject", Map.of("reason", " "), admin).status())
                .isEqualTo(400);
        Response rejected = api.post(ADMIN_VENDORS + "/" + pending.id() + "/reject",
                Map.of("reason", "Menu photos missing"), admin);

        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        Response seenByOwner = api.get(pending.path(), pending.ownerToken());
        assertThat(seenByOwner.text("statusReason")).isEqualTo("Menu photos missing");
        assertThat(api.get(pending.path(), customer()).status()).isEqualTo(404);
        assertThat(api.post(pending.path() + "/resubmit", null, pending.ownerToken()).text("status"))
                .isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void aSuspendedVendorDisappearsForCustomersUntilReinstated() {
        TestVendor luigi = vendors.approvedPizzeria();

        Response suspended = api.post(ADMIN_VENDORS + "/" + luigi.id() + "/suspend",
                Map.of("reason", "Hygiene inspection"), admin);

        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(api.get(luigi.path(), customer()).status()).isEqualTo(404);
        assertThat(api.post(ADMIN_VENDORS + "/" + luigi.id() + "/reinstate", null, admin).text("status"))
                .isEqualTo("APPROVED");
        assertThat(api.get(luigi.path(), customer()).status()).isEqualTo(200);
    }

    @Test
    void stepsOutsideTheWorkflowAreConflicts() {
        TestVendor pending = vendors.pendingPizzeria();
        TestVendor approved = vendors.approvedPizzeria();

        Response suspendPending = api.post(ADMIN_VENDORS + "/" + pending.id() + "/suspend", Map.of("reason", "x"), admin);
        assertThat(suspendPending.status()).isEqualTo(409);
        assertThat(suspendPending.text("type")).isEqualTo("/problems/illegal-transition");
        assertThat(api.post(ADMIN_VENDORS + "/" + approved.id() + "/approve", null, admin).status()).isEqualTo(409);
        assertThat(api.post(ADMIN_VENDORS + "/" + approved.id() + "/reinstate", null, admin).status()).isEqualTo(409);
        assertThat(api.post(ADMIN_VENDORS + "/" + UUID.randomUUID() + "/approve", null, admin).status()).isEqualTo(404);
    }

    @Test
    void statsCountVendorsByStatus() {
        Map<String, Long> before = stats();
        vendors.pendingPizzeria();
        vendors.approvedPizzeria();

        Map<String, Long> after = stats();

        assertThat(after.get("PENDING_APPROVAL")).isEqualTo(before.get("PENDING_APPROVAL") + 1);
        assertThat(after.get("APPROVED")).isEqualTo(before.get("APPROVED") + 1);
        assertThat(after).containsKeys("REJECTED", "SUSPENDED", "CLOSED");
    }

    @Test
    void adminEndpointsRefuseEveryoneElse() {
        TestVendor pending = vendors.pendingPizzeria();

        assertThat(api.get(ADMIN_VENDORS + "?status=PENDING_APPROVAL", null).status()).isEqualTo(401);
        assertThat(api.get(ADMIN_VENDORS + "?status=PENDING_APPROVAL", customer()).status()).isEqualTo(403);
        assertThat(api.get(ADMIN_VENDORS + "/stats", pending.ownerToken()).status()).isEqualTo(403);
        assertThat(api.post(ADMIN_VENDORS + "/" + pending.id() + "/approve", null, pending.ownerToken()).status())
                .as("no self-approval").isEqualTo(403);
        assertThat(api.post(ADMIN_VENDORS + "/" + pending.id() + "/approve", null, null).status()).isEqualTo(401);
    }

    private Map<String, Long> stats() {
        Response stats = api.get(ADMIN_VENDORS + "/stats", admin);
        assertThat(stats.status()).isEqualTo(200);
        Map<String, Long> counts = new java.util.HashMap<>();
        stats.json().properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
