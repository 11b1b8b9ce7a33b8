package com.delivery.driver.app;

import com.delivery.driver.domain.CandidateRanking;
import com.delivery.driver.domain.DriverFacts;
import com.delivery.driver.domain.DriverFactsQuery;
import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.domain.NearbyDriver;
import com.delivery.driver.domain.VehicleType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Available drivers near a point: fresh in the presence index (online, heartbeat alive), approved, not on an order,
 * not holding an offer; optionally of one vehicle type; ranked by {@link CandidateRanking}.
 */
@Service
public class NearbySearch {

    /** How many of the nearest fresh drivers are looked at before filtering. */
    private static final int SCAN = 500;

    private final PresenceIndex presence;
    private final DriverFactsQuery facts;
    private final DriverProperties.Nearby settings;
    private final ServiceClock clock;

    NearbySearch(PresenceIndex presence, DriverFactsQuery facts, DriverProperties properties, ServiceClock clock) {
        this.presence = presence;
        this.facts = facts;
        this.settings = properties.nearby();
        this.clock = clock;
    }

    public List<NearbyDriver> available(GeoPosition center, double radiusKm, VehicleType vehicleType,
            Collection<UUID> excluded, int limit) {
        List<PresenceIndex.Sighting> sightings = presence.near(center, radiusKm, SCAN, clock.now()).stream()
                .filter(s -> !excluded.contains(s.driverId())).toList();
        if (sightings.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = sightings.stream().map(PresenceIndex.Sighting::driverId).collect(Collectors.toSet());
        Map<UUID, DriverFacts> known = facts.factsOf(ids).stream()
                .collect(Collectors.toMap(DriverFacts::id, Function.identity()));
        return sightings.stream()
                .filter(s -> known.containsKey(s.driverId()))
                .map(s -> new NearbyDriver(known.get(s.driverId()), s.distanceMeters(), s.position()))
                .filter(d -> d.facts().available())
                .filter(d -> vehicleType == null || d.facts().vehicleType() == vehicleType)
                .sorted(CandidateRanking.nearestThenBest(settings.distanceBucketMeters()))
                .limit(limit)
                .toList();
    }

    public DriverProperties.Nearby settings() {
        return settings;
    }
}
