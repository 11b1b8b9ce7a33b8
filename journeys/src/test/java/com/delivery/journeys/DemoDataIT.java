package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.Platform.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code scripts/fleet.sh demo} loads a city whose printed logins work and whose shops and drivers are live. */
@Order(50)
class DemoDataIT extends JourneySupport {

    @Test
    void theDemoCityCanBeTriedWithThePrintedLogins() throws Exception {
        String runId = String.valueOf(10_000 + ThreadLocalRandom.current().nextInt(90_000));
        ProcessBuilder builder = new ProcessBuilder(Fleet.root().resolve("scripts/fleet.sh").toString(), "demo")
                .directory(Fleet.root().toFile()).redirectErrorStream(true);
        builder.environment().put("DEMO_RUN_ID", runId);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("demo loader did not finish in 3 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();

        List<String[]> logins = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && List.of("customer", "vendor", "driver").contains(columns[0])) {
                logins.add(columns);
            }
        }
        assertThat(logins).extracting(c -> c[0]).containsExactlyInAnyOrder("customer", "vendor", "vendor", "vendor",
                "driver", "driver", "driver", "driver");
        String password = output.replaceAll("(?s).*all passwords: (\\S+).*", "$1");

        // every printed login works
        for (String[] login : logins) {
            Actor actor = platform.login(login[1], password);
            assertThat(actor.userId()).isNotBlank();
        }
        // the customer finds the three shops around the centre, each with something to order
        List<String> vendorIds = logins.stream().filter(c -> c[0].equals("vendor")).map(c -> c[2]).toList();
        JsonNode hits = await("demo vendors searchable").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> expect(platform.vendors.get("/api/v1/vendors/search?lat=52.52&lng=13.405&radiusKm=3"
                        + "&size=100&q=" + runId, null), "search", 200).json().path("items"),
                        items -> HappyPathJourneyIT.texts(items, "vendorId").containsAll(vendorIds));
        assertThat(HappyPathJourneyIT.texts(hits, "category")).contains("FOOD", "GROCERY", "PHARMACY");
        for (String vendorId : vendorIds) {
            JsonNode menu = expect(platform.vendors.get("/api/v1/vendors/" + vendorId + "/menu", admin.token()),
                    "menu", 200).json();
            assertThat(menu.path("sections").size()).isPositive();
        }
        // the drivers are approved and online
        for (String[] driver : logins.stream().filter(c -> c[0].equals("driver")).toList()) {
            JsonNode profile = expect(platform.drivers.get("/api/v1/drivers/" + driver[2], admin.token()), "driver",
                    200).json();
            assertThat(profile.path("status").asString()).isEqualTo("APPROVED");
            assertThat(profile.path("online").asBoolean()).isTrue();
        }
    }
}
