package com.delivery.tracking.app;

import com.delivery.tracking.domain.FallbackEta;
import com.delivery.tracking.domain.FixRules;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tracking service under {@code tracking.*}.
 *
 * @param publishInterval    at most one {@code driver.location_updated} per driver per interval (default 5 s)
 * @param staleAfter         a location older than this is shown flagged {@code stale:true} (default 30 s)
 * @param staleCheckInterval how often active trips are checked for a driver gone silent
 * @param locationTtl        how long a driver's current location lives in Redis without a new fix (default 5 min)
 * @param validation         what makes a reported fix believable
 * @param eta                how ETAs are computed and how often
 * @param google             the Google Maps Distance Matrix client ({@code GOOGLE_MAPS_API_KEY}; none = estimates only)
 * @param history            batching and retention of {@code location_history} in MongoDB
 * @param socket             the Socket.io gateway ({@code TRACKING_SOCKET_PORT}, default 3106)
 */
@ConfigurationProperties("tracking")
public record TrackingProperties(
        @DefaultValue("5s") Duration publishInterval,
        @DefaultValue("30s") Duration staleAfter,
        @DefaultValue("5s") Duration staleCheckInterval,
        @DefaultValue("5m") Duration locationTtl,
        @DefaultValue Validation validation,
        @DefaultValue Eta eta,
        @DefaultValue Google google,
        @DefaultValue History history,
        @DefaultValue Socket socket) {

    /**
     * @param maxAccuracyMeters a fix whose accuracy radius is larger is refused as too poor
     * @param maxSpeedMps       highest believable speed, reported or implied by two fixes (70 m/s = 252 km/h)
     * @param maxAge            a fix older than this on arrival is refused
     * @param maxFutureSkew     how far ahead of the server a device clock may be
     */
    public record Validation(
            @DefaultValue("100") double maxAccuracyMeters,
            @DefaultValue("70") double maxSpeedMps,
            @DefaultValue("2m") Duration maxAge,
            @DefaultValue("30s") Duration maxFutureSkew) {

        public FixRules rules() {
            return new FixRules(maxAccuracyMeters, maxSpeedMps, maxAge, maxFutureSkew);
        }
    }

    /**
     * @param throttle        at most one computation (Google call or estimate) per order per interval; in between,
     *                        the last ETA is sent counted down
     * @param roadFactor      road distance per great-circle distance for the local estimate
     * @param speedsKmh       average speed per vehicle type for the local estimate
     * @param defaultSpeedKmh for vehicle types without a speed
     * @param ttl             how long the last ETA of an order is kept
     */
    public record Eta(
            @DefaultValue("15s") Duration throttle,
            @DefaultValue("1.3") double roadFactor,
            @DefaultValue Map<String, Double> speedsKmh,
            @DefaultValue("20") double defaultSpeedKmh,
            @DefaultValue("6h") Duration ttl) {

        private static final Map<String, Double> DEFAULT_SPEEDS = Map.of("BICYCLE", 15.0, "SCOOTER", 22.0,
                "MOTORBIKE", 30.0, "CAR", 28.0, "VAN", 25.0);

        public FallbackEta fallback() {
            return new FallbackEta(roadFactor, speedsKmh == null || speedsKmh.isEmpty() ? DEFAULT_SPEEDS : speedsKmh,
                    defaultSpeedKmh);
        }
    }

    /**
     * @param apiKey         {@code GOOGLE_MAPS_API_KEY}; blank = no Google calls, local estimates only
     * @param baseUrl        another endpoint than Google's (tests point it at WireMock)
     * @param connectTimeout giving up on connecting (then the local estimate is used)
     * @param readTimeout    giving up on an answer (then the local estimate is used)
     */
    public record Google(
            @DefaultValue("") String apiKey,
            @DefaultValue("") String baseUrl,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout) {

        public boolean enabled() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /**
     * @param flushInterval how often buffered fixes are written to MongoDB in one batch
     * @param batchSize     at most this many fixes per insert
     * @param retention     history older than this is removed by a TTL index
     * @param routeLimit    most points an order's route answers with
     */
    public record History(
            @DefaultValue("250ms") Duration flushInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("90d") Duration retention,
            @DefaultValue("10000") int routeLimit) {
    }

    /**
     * @param port          {@code TRACKING_SOCKET_PORT}, default 3106
     * @param workerThreads Netty worker threads, 0 for Netty's default
     */
    public record Socket(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0.0.0.0") String host,
            @DefaultValue("3106") int port,
            @DefaultValue("0") int workerThreads) {
    }
}
