package com.delivery.driver.app;

import com.delivery.driver.domain.EarningsRates;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the driver service under {@code driver.*}.
 *
 * @param presence how long a driver stays online without a sign of life, and how often silent ones are pruned
 * @param matching offer time limit, search radius steps, pauses, when to give up
 * @param nearby   limits of the nearby search and the distance bucket used for ranking
 * @param earnings what a delivery earns the driver
 */
@ConfigurationProperties("driver")
public record DriverProperties(@DefaultValue Presence presence, @DefaultValue Matching matching,
        @DefaultValue Nearby nearby, @DefaultValue Earnings earnings) {

    /**
     * @param heartbeatTtl  a driver with no location update for this long counts as gone (heartbeat key TTL)
     * @param pruneInterval how often GEO members whose heartbeat expired are removed and set offline
     */
    public record Presence(@DefaultValue("60s") Duration heartbeatTtl, @DefaultValue("15s") Duration pruneInterval) {
    }

    /**
     * @param offerTimeout   how long a driver has to accept an offer
     * @param radiusStepsKm  search radius per round; a round that finds nobody moves to the next step
     * @param retryInterval  pause before the next round when a round found nobody
     * @param giveUpAfter    after this long without an acceptance, {@code driver.unavailable}
     * @param tick           how often due matching jobs are looked for (they are also run at once when created)
     * @param driverLockWait how long a round waits for a concurrent decision about a candidate (another order's
     *                       offer, an acceptance) to end; a candidate held longer is contended, and the round is
     *                       repeated after a tick within the same radius rather than counted as finding nobody
     * @param batchSize      jobs taken per tick
     */
    public record Matching(@DefaultValue("30s") Duration offerTimeout,
            @DefaultValue({"3", "5", "8"}) List<Double> radiusStepsKm,
            @DefaultValue("10s") Duration retryInterval,
            @DefaultValue("5m") Duration giveUpAfter,
            @DefaultValue("500ms") Duration tick,
            @DefaultValue("1s") Duration driverLockWait,
            @DefaultValue("50") int batchSize) {

        public Matching {
            if (radiusStepsKm == null || radiusStepsKm.isEmpty()) {
                radiusStepsKm = List.of(3.0, 5.0, 8.0);
            }
            radiusStepsKm = List.copyOf(radiusStepsKm);
        }

        public int lastStep() {
            return radiusStepsKm.size() - 1;
        }
    }

    /**
     * @param defaultRadiusKm      radius when the caller gives none
     * @param maxRadiusKm          largest radius a caller may ask for
     * @param maxResults           most drivers returned
     * @param distanceBucketMeters distances within the same bucket count as equal when ranking
     */
    public record Nearby(@DefaultValue("5") double defaultRadiusKm, @DefaultValue("50") double maxRadiusKm,
            @DefaultValue("50") int maxResults, @DefaultValue("100") int distanceBucketMeters) {
    }

    /**
     * @param baseFeeMinor per delivery
     * @param perKmMinor   per km of delivery distance
     * @param currency     ISO 4217 code of these amounts (the platform runs in one currency)
     */
    public record Earnings(@DefaultValue("300") long baseFeeMinor, @DefaultValue("80") long perKmMinor,
            @DefaultValue("EUR") String currency) {

        public EarningsRates rates() {
            return new EarningsRates(baseFeeMinor, perKmMinor);
        }
    }
}
