package com.delivery.notification.app;

import com.delivery.notification.domain.AttemptOutcome;
import com.delivery.notification.domain.Channel;
import com.delivery.notification.domain.Contact;
import com.delivery.notification.domain.Contacts;
import com.delivery.notification.domain.DeliveryAttempt;
import com.delivery.notification.domain.DeliveryAttempts;
import com.delivery.notification.domain.DeviceToken;
import com.delivery.notification.domain.DeviceTokens;
import com.delivery.notification.domain.Notification;
import com.delivery.notification.domain.NotificationStatus;
import com.delivery.notification.domain.Notifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional steps around sending: claim due messages, read what a send needs, and record what came of it
 * (every attempt, the message's new state, dead tokens removed, the SMS fallback of a critical push activated or
 * stood down). Retries are rows waiting for their {@code next_attempt_at}: they survive restarts and never hold a
 * thread or a Kafka partition while they wait.
 */
@Service
public class DispatchLedger {

    private static final Logger log = LoggerFactory.getLogger(DispatchLedger.class);

    private final Notifications notifications;
    private final DeliveryAttempts attempts;
    private final DeviceTokens deviceTokens;
    private final Contacts contacts;
    private final NotificationProperties.Dispatch settings;
    private final MeterRegistry meters;
    private final Clock clock;

    DispatchLedger(Notifications notifications, DeliveryAttempts attempts, DeviceTokens deviceTokens, Contacts contacts,
            NotificationProperties properties, MeterRegistry meters, Clock clock) {
        this.notifications = notifications;
        this.attempts = attempts;
        this.deviceTokens = deviceTokens;
        this.contacts = contacts;
        this.settings = properties.dispatch();
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public List<UUID> claimDue(int limit) {
        Instant now = clock.instant();
        List<Notification> due = notifications.lockDue(now, limit);
        due.forEach(n -> n.claim(now, settings.lease()));
        return due.stream().map(Notification::id).toList();
    }

    @Transactional(readOnly = true)
    public Optional<DeliveryJob> job(UUID notificationId) {
        return notifications.findById(notificationId)
                .filter(n -> n.status() == NotificationStatus.SENDING)
                .map(n -> {
                    List<String> tokens = n.channel() == Channel.PUSH
                            ? deviceTokens.findByUserIdOrderByRegisteredAt(n.recipientId()).stream()
                                    .map(DeviceToken::token).toList()
                            : List.of();
                    String name = contacts.findById(n.recipientId()).map(Contact::fullName).orElse(null);
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put("type", n.eventType());
                    data.put("notificationId", n.id().toString());
                    if (n.orderId() != null) {
                        data.put("orderId", n.orderId().toString());
                    }
                    return new DeliveryJob(n.id(), n.channel(), n.critical(), n.destination(), name, n.subject(),
                            n.body(), tokens, data);
                });
    }

    /**
     * Records the results of one attempt round. Delivered to any destination = delivered; otherwise a transient
     * failure is retried after the provider's Retry-After or the backoff, until the attempts run out; anything else
     * fails for good. A failed critical push activates its SMS fallback.
     */
    @Transactional
    public void record(UUID notificationId, List<DeliveryResult> results) {
        Instant now = clock.instant();
        Notification n = notifications.findById(notificationId).orElseThrow();
        for (DeliveryResult result : results) {
            DeliveryAttempt attempt = attempts.save(attempt(n, result, now));
            meters.counter("notifications.attempts", "channel", n.channel().name(), "provider", attempt.provider(),
                    "outcome", attempt.outcome().name()).increment();
            if (attempt.outcome() != AttemptOutcome.DELIVERED) {
                // alerts watch this one: failures by channel, whatever the provider
                meters.counter("notifications.failed", "channel", n.channel().name()).increment();
            }
            if (result.outcome() instanceof SendOutcome.InvalidToken) {
                deviceTokens.deleteById(result.destination());
                log.info("Removed invalid push token of userId={} notificationId={}", n.recipientId(), n.id());
            }
        }
        if (n.status() != NotificationStatus.SENDING) {
            log.warn("Notification {} is {} by now; attempt recorded, state left alone", n.id(), n.status());
            return;
        }
        Optional<SendOutcome.Sent> sent = results.stream().map(DeliveryResult::outcome)
                .filter(SendOutcome.Sent.class::isInstance).map(SendOutcome.Sent.class::cast).findFirst();
        if (sent.isPresent()) {
            n.delivered(sent.get().provider(), sent.get().providerMessageId(), now);
            log.info("Delivered {} {} to userId={} via {} notificationId={}", n.eventType(), n.channel(),
                    n.recipientId(), sent.get().provider(), n.id());
            standDownFallback(n, now);
            return;
        }
        Optional<SendOutcome.TransientFailure> transientFailure = results.stream().map(DeliveryResult::outcome)
                .filter(SendOutcome.TransientFailure.class::isInstance).map(SendOutcome.TransientFailure.class::cast)
                .findFirst();
        String provider = results.isEmpty() ? null : results.getLast().outcome().provider();
        if (transientFailure.isPresent() && n.attempts() < settings.maxAttempts()) {
            SendOutcome.TransientFailure failure = transientFailure.get();
            Duration wait = failure.retryAfter() != null
                    ? min(failure.retryAfter(), settings.maxRetryAfter())
                    : settings.backoffAfter(n.attempts());
            n.retryAt(now.plus(wait), failure.provider(), failure.error(), now);
            log.info("Retrying {} {} notificationId={} in {} ms after attempt {}: {}", n.eventType(), n.channel(),
                    n.id(), wait.toMillis(), n.attempts(), failure.error());
            return;
        }
        String error = results.isEmpty() ? "NO_DEVICE" : describe(results);
        n.failed(provider, error, now);
        log.warn("Failed {} {} to userId={} notificationId={} after {} attempt(s): {}", n.eventType(), n.channel(),
                n.recipientId(), n.id(), n.attempts(), error);
        activateFallback(n, now);
    }

    /** A send that blew up before any provider answered (a bug or an unreadable message) counts as transient. */
    @Transactional
    public void recordCrash(UUID notificationId, Throwable e) {
        record(notificationId, List.of(new DeliveryResult(null,
                new SendOutcome.TransientFailure("internal", null, e.getClass().getSimpleName() + ": " + e.getMessage(),
                        null))));
    }

    private void standDownFallback(Notification push, Instant now) {
        if (push.critical() && push.channel() == Channel.PUSH) {
            notifications.findByFallbackFor(push.id())
                    .filter(sms -> sms.status() == NotificationStatus.STANDBY)
                    .ifPresent(sms -> sms.standDown(now));
        }
    }

    private void activateFallback(Notification push, Instant now) {
        if (push.critical() && push.channel() == Channel.PUSH) {
            notifications.findByFallbackFor(push.id())
                    .filter(sms -> sms.status() == NotificationStatus.STANDBY)
                    .ifPresent(sms -> {
                        sms.activate(now);
                        log.info("Critical {} for userId={} falls back to SMS notificationId={}", push.eventType(),
                                push.recipientId(), sms.id());
                    });
        }
    }

    private static DeliveryAttempt attempt(Notification n, DeliveryResult result, Instant now) {
        return switch (result.outcome()) {
            case SendOutcome.Sent s -> new DeliveryAttempt(n, s.provider(), result.destination(),
                    AttemptOutcome.DELIVERED, s.providerMessageId(), null, null, null, now);
            case SendOutcome.TransientFailure f -> new DeliveryAttempt(n, f.provider(), result.destination(),
                    AttemptOutcome.TRANSIENT_FAILURE, null, f.httpStatus(), f.error(),
                    f.retryAfter() == null ? null : f.retryAfter().toMillis(), now);
            case SendOutcome.PermanentFailure f -> new DeliveryAttempt(n, f.provider(), result.destination(),
                    AttemptOutcome.PERMANENT_FAILURE, null, f.httpStatus(), f.error(), null, now);
            case SendOutcome.InvalidToken f -> new DeliveryAttempt(n, f.provider(), result.destination(),
                    AttemptOutcome.INVALID_TOKEN, null, f.httpStatus(), f.error(), null, now);
        };
    }

    private static String describe(List<DeliveryResult> results) {
        SendOutcome last = results.getLast().outcome();
        return switch (last) {
            case SendOutcome.TransientFailure f -> "gave up: " + f.error();
            case SendOutcome.PermanentFailure f -> f.error();
            case SendOutcome.InvalidToken f -> "no valid device token: " + f.error();
            case SendOutcome.Sent s -> "sent";
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
