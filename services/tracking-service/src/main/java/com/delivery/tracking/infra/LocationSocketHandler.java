package com.delivery.tracking.infra;

import com.delivery.kit.web.DependencyUnavailableException;
import com.delivery.realtime.SocketEventHandler;
import com.delivery.realtime.SocketPrincipal;
import com.delivery.tracking.app.LocationReport;
import com.delivery.tracking.app.LocationTracking;
import com.delivery.tracking.app.ReportResult;
import com.delivery.tracking.app.TrackingPush;
import com.delivery.tracking.domain.LocationRejectedException;
import com.delivery.tracking.domain.Rejection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code location:update {orderId?, lat, lng, heading, speed, accuracy, ts}} from driver apps, handled in order
 * per connection. Answered through the acknowledgement callback:
 * {@code {ok:true, orderId, published, tripEnded}} or {@code {ok:false, code, error}}; a refusal is also sent as
 * {@code location:error {code, error}} to the driver's room {@code driver:<id>}.
 * <p>
 * Runs on the gateway's Netty worker thread: netty-socketio sends an empty acknowledgement as soon as the listener
 * returns (its default {@code AckMode.AUTO_SUCCESS_ONLY}, which {@code libs/realtime} does not let a service
 * change), so the answer must be known before returning. The work done here is a few Redis and MongoDB round trips;
 * the history write, the Kafka send and the Google call are asynchronous.
 */
@Component
public class LocationSocketHandler implements SocketEventHandler<Object> {

    public static final String EVENT = "location:update";
    private static final Logger log = LoggerFactory.getLogger(LocationSocketHandler.class);

    private final LocationTracking tracking;
    private final TrackingPush push;

    LocationSocketHandler(LocationTracking tracking, TrackingPush push) {
        this.tracking = tracking;
        this.push = push;
    }

    @Override
    public void handle(SocketPrincipal principal, Object data, Reply reply) {
        reply.send(process(principal, data));
    }

    Map<String, Object> process(SocketPrincipal principal, Object data) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            ReportResult result = tracking.report(TrackingRooms.viewer(principal), parse(data));
            answer.put("ok", true);
            answer.put("orderId", result.fix().orderId() == null ? null : result.fix().orderId().toString());
            answer.put("published", result.published());
            answer.put("tripEnded", result.tripEnded());
        } catch (LocationRejectedException e) {
            answer.put("ok", false);
            answer.put("code", e.reason().code());
            answer.put("error", e.getMessage());
            log.debug("Location refused driverId={} reason={}: {}", principal.userId(), e.reason(), e.getMessage());
            if (principal.hasRole("DRIVER")) {
                push.rejected(principal.userId(), e.reason(), e.getMessage());
            }
        } catch (DependencyUnavailableException e) {
            // Redis is away; the guard already logs that, once every few seconds rather than once per driver fix
            log.debug("Location not stored driverId={}: {}", principal.userId(), e.getMessage());
            answer.put("ok", false);
            answer.put("code", "unavailable");
            answer.put("error", "The location could not be stored, try again");
        } catch (RuntimeException e) {
            log.warn("Location update failed driverId={}: {}", principal.userId(), e.toString());
            answer.put("ok", false);
            answer.put("code", "unavailable");
            answer.put("error", "The location could not be stored, try again");
        }
        return answer;
    }

    static LocationReport parse(Object data) {
        if (!(data instanceof Map<?, ?> map)) {
            throw new LocationRejectedException(Rejection.INVALID_LOCATION,
                    "location:update needs an object {orderId?, lat, lng, heading, speed, accuracy, ts}");
        }
        Object orderId = map.get("orderId");
        UUID order = null;
        if (orderId != null && !(orderId instanceof String s && s.isBlank())) {
            try {
                order = UUID.fromString(orderId.toString());
            } catch (IllegalArgumentException e) {
                throw new LocationRejectedException(Rejection.INVALID_LOCATION, "orderId must be a UUID");
            }
        }
        Object ts = map.get("ts");
        return new LocationReport(order, number(map, "lat"), number(map, "lng"), number(map, "heading"),
                number(map, "speed"), number(map, "accuracy"), ts == null ? null : numberText(ts));
    }

    private static Double number(Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new LocationRejectedException(Rejection.INVALID_LOCATION, field + " must be a number");
    }

    private static String numberText(Object ts) {
        if (ts instanceof Double || ts instanceof Float) {
            return Long.toString(((Number) ts).longValue());
        }
        return ts.toString();
    }
}
