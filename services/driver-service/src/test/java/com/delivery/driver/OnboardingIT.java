package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.TestDriver;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sign-up, background check, and who may go online. */
class OnboardingIT extends DriverServiceTestBase {

    @Test
    void aDriverUserRegistersAndWaitsForTheBackgroundCheck() {
        TestDriver driver = aDriver().named("Tom Becker").riding("SCOOTER").create();

        Response profile = driver(driver);

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.text("id")).isEqualTo(driver.id().toString());
        assertThat(profile.text("fullName")).isEqualTo("Tom Becker");
        assertThat(profile.text("status")).isEqualTo("PENDING");
        assertThat(profile.json().path("vehicle").path("type").asString()).isEqualTo("SCOOTER");
        assertThat(profile.json().path("documents").valueStream().map(d -> d.path("type").asString()))
                .containsExactly("LICENCE", "INSURANCE", "IDENTITY");
        assertThat(profile.json().path("documents").valueStream().allMatch(d -> d.path("valid").asBoolean())).isTrue();
        assertThat(profile.json().path("online").asBoolean()).isFalse();
    }

    @Test
    void registeringTwiceIsAConflict() {
        TestDriver driver = aDriver().create();

        Response again = api.post("/api/v1/drivers/register", aDriver().registration(), driver.token());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("/problems/already-registered");
    }

    @Test
    void onlyDriverUsersRegister() {
        UUID customer = UUID.randomUUID();

        Response response = api.post("/api/v1/drivers/register", aDriver().registration(), customerToken(customer));

        assertThat(response.status()).isEqualTo(403);
        assertThat(api.post("/api/v1/drivers/register", aDriver().registration(), null).status()).isEqualTo(401);
    }

    @Test
    void anUnknownVehicleTypeIsABadRequest() {
        Map<String, Object> body = new HashMap<>(aDriver().registration());
        body.put("vehicle", Map.of("type", "ROCKET", "plate", "B-X 1", "model", "Falcon"));

        Response response = api.post("/api/v1/drivers/register", body, TestTokens.token(UUID.randomUUID(), "DRIVER"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("vehicle.type");
    }

    @Test
    void missingAndInvalidFieldsAreListed() {
        Map<String, Object> body = new HashMap<>(aDriver().registration());
        body.remove("fullName");
        body.put("phone", "12");
        body.put("documents", List.of(Map.of("type", "LICENCE", "number", "", "expiresOn", "2030-01-01")));

        Response response = api.post("/api/v1/drivers/register", body, TestTokens.token(UUID.randomUUID(), "DRIVER"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .contains("fullName", "phone", "documents[0].number");
    }

    @Test
    void theSameDocumentTypeTwiceIsABadRequest() {
        Map<String, Object> body = new HashMap<>(aDriver().registration());
        body.put("documents", List.of(Map.of("type", "LICENCE", "number", "L-1", "expiresOn", "2030-01-01"),
                Map.of("type", "LICENCE", "number", "L-2", "expiresOn", "2031-01-01")));

        Response response = api.post("/api/v1/drivers/register", body, TestTokens.token(UUID.randomUUID(), "DRIVER"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("detail")).contains("LICENCE appears twice");
    }

    @Test
    void aProfileIsForTheDriverAndAdminsOnly() {
        TestDriver driver = aDriver().create();
        TestDriver other = aDriver().create();

        assertThat(api.get(driver.path(), other.token()).status()).isEqualTo(403);
        assertThat(api.get(driver.path(), customerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(driver.path(), null).status()).isEqualTo(401);
        assertThat(api.get(driver.path(), adminToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/drivers/" + UUID.randomUUID(), adminToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/drivers/not-a-uuid", adminToken()).status()).isEqualTo(400);
    }

    @Test
    void theDriverKeepsProfileVehicleAndDocumentsCurrent() {
        TestDriver driver = aDriver().create();

        Response profile = api.put(driver.path(), Map.of("fullName", "Tomasz Becker", "phone", "+48123456789"),
                driver.token());
        Response vehicle = api.put(driver.path() + "/vehicle",
                Map.of("type", "CAR", "plate", "b-ab 123", "model", "Fiat 500"), driver.token());
        Response document = api.put(driver.path() + "/documents/INSURANCE",
                Map.of("number", "INS-2", "expiresOn", today().plusYears(3).toString()), driver.token());

        assertThat(profile.status()).isEqualTo(200);
        assertThat(vehicle.status()).isEqualTo(200);
        assertThat(document.status()).isEqualTo(200);
        Response now = driver(driver);
        assertThat(now.text("fullName")).isEqualTo("Tomasz Becker");
        assertThat(now.json().path("vehicle").path("plate").asString()).isEqualTo("B-AB 123");
        JsonNode insurance = now.json().path("documents").get(1);
        assertThat(insurance.path("number").asString()).isEqualTo("INS-2");
        assertThat(insurance.path("expiresOn").asString()).isEqualTo(today().plusYears(3).toString());
        assertThat(api.put(driver.path() + "/vehicle", Map.of("type", "VAN", "plate", "X", "model", "Y"),
                aDriver().create().token()).status()).isEqualTo(403);
    }

    // ---- background check --------------------------------------------------------------------------------------

    @Test
    void theReviewQueueListsPendingDriversWithTheirDocuments() {
        TestDriver driver = aDriver().create();

        Response queue = api.get("/api/v1/admin/drivers?status=PENDING&size=100", adminToken());

        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().path("total").asLong()).isGreaterThanOrEqualTo(1);
        // the queue is oldest first; page through to find the new driver
        JsonNode found = findInQueue(driver);
        assertThat(found).isNotNull();
        assertThat(found.path("documents").size()).isEqualTo(3);
        assertThat(found.path("documents").get(0).path("number").asString()).startsWith("LIC-");
    }

    @Test
    void anAdminApprovesAPendingDriver() {
        TestDriver driver = aDriver().create();
        UUID adminId = UUID.randomUUID();

        Response approved = api.post("/api/v1/admin/drivers/" + driver.id() + "/approve", null,
                TestTokens.token(adminId, "ADMIN"));

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("reviewedAt")).isNotBlank();
        assertThat(findInQueue(driver)).as("no longer in the queue").isNull();
    }

    @Test
    void approvalNeedsACompleteSetOfValidDocuments() {
        TestDriver withoutIdentity = aDriver().without("IDENTITY").create();
        TestDriver expiredLicence = aDriver().withDocumentExpiringOn("LICENCE", today().minusDays(1)).create();

        Response first = api.post("/api/v1/admin/drivers/" + withoutIdentity.id() + "/approve", null, adminToken());
        Response second = api.post("/api/v1/admin/drivers/" + expiredLicence.id() + "/approve", null, adminToken());

        assertThat(first.status()).isEqualTo(409);
        assertThat(first.text("type")).isEqualTo("/problems/documents-missing");
        assertThat(first.text("detail")).contains("IDENTITY");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("type")).isEqualTo("/problems/documents-expired");
        assertThat(second.text("detail")).contains("LICENCE");
    }

    @Test
    void aRejectedDriverWhoFixesADocumentIsReviewedAgain() {
        TestDriver driver = aDriver().create();

        Response rejected = api.post("/api/v1/admin/drivers/" + driver.id() + "/reject",
                Map.of("reason", "Licence photo unreadable"), adminToken());
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("statusReason")).isEqualTo("Licence photo unreadable");

        api.put(driver.path() + "/documents/LICENCE",
                Map.of("number", "LIC-NEW", "expiresOn", today().plusYears(4).toString()), driver.token());

        assertThat(driver(driver).text("status")).isEqualTo("PENDING");
    }

    @Test
    void aRejectionNeedsAReason() {
        TestDriver driver = aDriver().create();

        Response response = api.post("/api/v1/admin/drivers/" + driver.id() + "/reject", Map.of("reason", " "),
                adminToken());

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void statusChangesOutsideTheWorkflowAreConflicts() {
        TestDriver pending = aDriver().create();
        TestDriver approved = aDriver().approved().create();

        assertThat(api.post("/api/v1/admin/drivers/" + pending.id() + "/suspend", Map.of("reason", "x"),
                adminToken()).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/admin/drivers/" + pending.id() + "/reinstate", null, adminToken()).status())
                .isEqualTo(409);
        Response again = api.post("/api/v1/admin/drivers/" + approved.id() + "/approve", null, adminToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("/problems/illegal-transition");
        assertThat(api.post("/api/v1/admin/drivers/" + UUID.randomUUID() + "/approve", null, adminToken()).status())
                .isEqualTo(404);
    }

    @Test
    void adminEndpointsRefuseEveryoneElse() {
        TestDriver driver = aDriver().create();

        assertThat(api.get("/api/v1/admin/drivers", driver.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/drivers", vendorToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/drivers", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/drivers/" + driver.id() + "/approve", null, driver.token()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/drivers/stats", customerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/drivers/stats", null).status()).isEqualTo(401);
    }

    // ---- who may go online ---------------------------------------------------------------------------------------

    @Test
    void aPendingDriverCannotGoOnlineAndIsToldWhy() {
        TestDriver driver = aDriver().create();

        Response response = goOnline(driver, Places.somewhereRemote());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("type")).isEqualTo("/problems/not-approved");
        assertThat(response.text("detail")).contains("not approved");
    }

    @Test
    void anApprovedDriverWithAnExpiredDocumentCannotGoOnline() {
        TestDriver driver = aDriver().approved().create();
        api.put(driver.path() + "/documents/INSURANCE",
                Map.of("number", "INS-OLD", "expiresOn", today().minusDays(1).toString()), driver.token());

        Response response = goOnline(driver, Places.somewhereRemote());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("type")).isEqualTo("/problems/documents-expired");
        assertThat(response.text("detail")).contains("INSURANCE").contains(today().minusDays(1).toString());
    }

    @Test
    void anApprovedDriverWithValidDocumentsGoesOnlineAndOffline() {
        TestDriver driver = aDriver().approved().create();
        GeoPosition here = Places.somewhereRemote();

        Response online = goOnline(driver, here);

        assertThat(online.status()).as(online.body()).isEqualTo(200);
        assertThat(online.json().path("online").asBoolean()).isTrue();
        assertThat(driver(driver).json().path("online").asBoolean()).isTrue();
        assertThat(nearbyIds(here, 1)).contains(driver.id().toString());

        Response offline = goOffline(driver);

        assertThat(offline.status()).isEqualTo(200);
        assertThat(driver(driver).json().path("online").asBoolean()).isFalse();
        assertThat(nearbyIds(here, 1)).doesNotContain(driver.id().toString());
    }

    @Test
    void goingOnlineNeedsAPositionAndIsForTheDriverOnly() {
        TestDriver driver = aDriver().approved().create();

        assertThat(api.post(driver.path() + "/online-status", Map.of("online", true), driver.token()).status())
                .isEqualTo(400);
        assertThat(api.post(driver.path() + "/online-status", Map.of("online", true, "lat", 91, "lng", 0),
                driver.token()).status()).isEqualTo(400);
        assertThat(goOnline(driver, Places.somewhereRemote()).status()).isEqualTo(200);
        assertThat(api.post(driver.path() + "/online-status", Map.of("online", false), adminToken()).status())
                .isEqualTo(403);
    }

    @Test
    void aSuspendedDriverGoesOfflineAtOnceAndCannotComeBackUntilReinstated() {
        GeoPosition here = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(here).create();

        Response suspended = api.post("/api/v1/admin/drivers/" + driver.id() + "/suspend",
                Map.of("reason", "Customer complaints"), adminToken());

        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.json().path("online").asBoolean()).isFalse();
        assertThat(nearbyIds(here, 1)).doesNotContain(driver.id().toString());
        Response refused = goOnline(driver, here);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("suspended").contains("Customer complaints");

        assertThat(api.post("/api/v1/admin/drivers/" + driver.id() + "/reinstate", null, adminToken()).status())
                .isEqualTo(200);
        assertThat(goOnline(driver, here).status()).isEqualTo(200);
    }

    @Test
    void healthIncludingMongoAndApiDocsArePublic() {
        // the probes on the service port: the readiness group includes MongoDB
        assertThat(api.get("/readyz", null).status()).isEqualTo(200);
        assertThat(api.get("/livez", null).status()).isEqualTo(200);
        Response docs = api.get("/api-docs", null);
        assertThat(docs.text("openapi")).startsWith("3.");
        assertThat(docs.json().path("paths").propertyNames()).contains("/api/v1/drivers/register",
                "/api/v1/drivers/nearby", "/api/v1/drivers/{driverId}/offers/{orderId}/accept",
                "/api/v1/admin/drivers/stats");
    }

    private JsonNode findInQueue(TestDriver driver) {
        for (int page = 0; ; page++) {
            Response queue = api.get("/api/v1/admin/drivers?status=PENDING&size=100&page=" + page, adminToken());
            JsonNode items = queue.json().path("items");
            if (items.isEmpty()) {
                return null;
            }
            for (JsonNode item : items) {
                if (item.path("id").asString().equals(driver.id().toString())) {
                    return item;
                }
            }
        }
    }
}
