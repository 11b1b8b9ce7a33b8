package com.delivery.tracking.config;

import com.delivery.tracking.app.RouteTimes;
import com.delivery.tracking.app.TrackingProperties;
import com.delivery.tracking.infra.GoogleRouteTimes;
import com.google.maps.GeoApiContext;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Google Maps when {@code GOOGLE_MAPS_API_KEY} is set (a key Google's client refuses is reported and ignored);
 * otherwise every ETA is the local estimate.
 */
@Configuration(proxyBeanMethods = false)
class GoogleMapsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GoogleMapsConfiguration.class);

    /** Closed with the context ({@link GoogleRouteTimes#close()} shuts the client's threads down). */
    @Bean
    RouteTimes routeTimes(TrackingProperties properties) {
        TrackingProperties.Google google = properties.google();
        if (!google.enabled()) {
            log.info("No GOOGLE_MAPS_API_KEY: ETAs are local estimates");
            return RouteTimes.none();
        }
        GeoApiContext.Builder builder = new GeoApiContext.Builder()
                .apiKey(google.apiKey().trim())
                .connectTimeout(google.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(google.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(google.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableRetries();
        if (google.baseUrl() != null && !google.baseUrl().isBlank()) {
            builder.baseUrlOverride(google.baseUrl().replaceAll("/+$", ""));
        }
        try {
            return new GoogleRouteTimes(builder.build());
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.error("Google Maps disabled, the API key is not usable: {}", e.getMessage());
            return RouteTimes.none();
        }
    }
}
