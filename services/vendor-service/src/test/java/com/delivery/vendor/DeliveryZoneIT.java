package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient.Response;
import com.delivery.vendor.Vendors.TestVendor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryZoneIT extends VendorIT {

    @Test
    void aPointInsideAZoneIsDeliveredToWithThatZonesFeeAndMinimum() {
        TestVendor luigi = vendors.approvedPizzeria();
        Response zone = api.post(luigi.path() + "/zones", Zones.mitte(), luigi.ownerToken());
        assertThat(zone.status()).as(zone.body()).isEqualTo(201);
        assertThat(zone.json().path("area").path("type").asString()).isEqualTo("Polygon");
        assertThat(zone.json().path("area").path("coordinates").get(0).size()).isEqualTo(5);

        Response inside = api.get(luigi.path() + "/delivers-to?lat=52.5291&lng=13.4013", customer());

        assertThat(inside.status()).isEqualTo(200);
        assertThat(inside.json().path("deliverable").asBoolean()).isTrue();
        assertThat(inside.json().path("zone").path("id").asString()).isEqualTo(zone.text("id"));
        assertThat(inside.json().path("zone").path("deliveryFeeMinor").asLong()).isEqualTo(299);
        assertThat(inside.json().path("zone").path("minimumOrderMinor").asLong()).isEqualTo(1500);
    }

    @Test
    void aPointOutsideEveryZoneIsAClearNo() {
        TestVendor luigi = vendors.approvedPizzeria();
        ok(api.post(luigi.path() + "/zones", Zones.mitte(), luigi.ownerToken()));

        Response potsdam = api.get(luigi.path() + "/delivers-to?lat=52.3906&lng=13.0645", customer());

        assertThat(potsdam.status()).isEqualTo(200);
        assertThat(potsdam.json().path("deliverable").asBoolean()).isFalse();
        assertThat(potsdam.json().path("zone").isNull()).isTrue();
        assertThat(potsdam.text("reason")).contains("does not deliver");
    }

    @Test
    void whereZonesOverlapTheCheaperDeliveryWins() {
        TestVendor luigi = vendors.approvedPizzeria();
        ok(api.post(luigi.path() + "/zones", Zones.square("Wide", Vendors.MITTE_LAT, Vendors.MITTE_LNG, 0.1, 2500, 499),
                luigi.ownerToken()));
        String near = ok(api.post(luigi.path() + "/zones", Zones.mitte(), luigi.ownerToken())).text("id");

        Response answer = api.get(luigi.path() + "/delivers-to?lat=52.53&lng=13.40", customer());

        assertThat(answer.json().path("zone").path("id").asString()).isEqualTo(near);
        assertThat(api.get(luigi.path() + "/zones", customer()).json().size()).isEqualTo(2);
    }

    @Test
    void zonesAreChangedAndRemovedByTheOwnerOnly() {
        TestVendor luigi = vendors.approvedPizzeria();
        String zoneId = ok(api.post(luigi.path() + "/zones", Zones.mitte(), luigi.ownerToken())).text("id");
        Map<String, Object> smaller = Zones.square("Mitte small", Vendors.MITTE_LAT, Vendors.MITTE_LNG, 0.001, 1000, 199);

        assertThat(api.put(luigi.path() + "/zones/" + zoneId, smaller, vendorUser()).status()).isEqualTo(403);
        assertThat(api.post(luigi.path() + "/zones", Zones.mitte(), customer()).status()).isEqualTo(403);
        assertThat(api.put(luigi.path() + "/zones/" + zoneId, smaller, luigi.ownerToken()).status()).isEqualTo(200);
        assertThat(api.get(luigi.path() + "/delivers-to?lat=52.5291&lng=13.4013", customer())
                .json().path("deliverable").asBoolean()).as("outside the smaller zone now").isFalse();

        assertThat(api.delete(luigi.path() + "/zones/" + zoneId, luigi.ownerToken()).status()).isEqualTo(204);
        assertThat(api.delete(luigi.path() + "/zones/" + zoneId, luigi.ownerToken()).status()).isEqualTo(404);
    }

    @Test
    void invalidPolygonsAreBadRequestsThatSayWhy() {
        TestVendor luigi = vendors.approvedPizzeria();
        List<List<Double>> unclosed = List.of(List.of(13.0, 52.0), List.of(14.0, 52.0), List.of(14.0, 53.0),
                List.of(13.0, 53.0));
        List<List<Double>> bowTie = List.of(List.of(13.0, 52.0), List.of(14.0, 53.0), List.of(14.0, 52.0),
                List.of(13.0, 53.0), List.of(13.0, 52.0));
        List<List<Double>> offEarth = List.of(List.of(13.0, 95.0), List.of(14.0, 52.0), List.of(14.0, 53.0),
                List.of(13.0, 95.0));

        Response open = api.post(luigi.path() + "/zones", Zones.zone("Open", List.of(unclosed), 0, 0), luigi.ownerToken());
        Response crossing = api.post(luigi.path() + "/zones", Zones.zone("Bow", List.of(bowTie), 0, 0), luigi.ownerToken());
        Response moon = api.post(luigi.path() + "/zones", Zones.zone("Moon", List.of(offEarth), 0, 0), luigi.ownerToken());
        Response negativeFee = api.post(luigi.path() + "/zones",
                Zones.square("Cheap", Vendors.MITTE_LAT, Vendors.MITTE_LNG, 0.01, 0, -1), luigi.ownerToken());

        assertThat(open.status()).isEqualTo(400);
        assertThat(open.text("detail")).contains("not closed");
        assertThat(crossing.status()).isEqualTo(400);
        assertThat(crossing.text("detail")).contains("self-intersection");
        assertThat(moon.status()).isEqualTo(400);
        assertThat(moon.text("type")).isEqualTo("/problems/coordinates-out-of-range");
        assertThat(negativeFee.status()).isEqualTo(400);
        assertThat(api.get(luigi.path() + "/delivers-to?lat=123&lng=13", customer()).status()).isEqualTo(400);
    }
}
