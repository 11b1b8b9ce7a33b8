package com.delivery.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-03-14T18:42:07Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Test
    void aPendingMessageIsClaimedDeliveredAndCounted() {
        Notification n = Notification.pending(draft(Channel.EMAIL), NOW);

        n.claim(NOW, LEASE);
        n.delivered("sendgrid", "msg-1", NOW.plusSeconds(1));

        assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(n.attempts()).isEqualTo(1);
        assertThat(n.providerMessageId()).isEqualTo("msg-1");
        assertThat(n.deliveredAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void aRetryWaitsUntilItsTime() {
        Notification n = Notification.pending(draft(Channel.SMS), NOW);
        n.claim(NOW, LEASE);

        n.retryAt(NOW.plusSeconds(30), "twilio", "503", NOW);

        assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
        assertThatThrownBy(() -> n.claim(NOW.plusSeconds(29), LEASE)).isInstanceOf(IllegalNotificationTransition.class);
        n.claim(NOW.plusSeconds(30), LEASE);
        assertThat(n.attempts()).isEqualTo(2);
    }

    @Test
    void aMessageWhoseDispatcherDiedIsTakenOverAfterTheLease() {
        Notification n = Notification.pending(draft(Channel.SMS), NOW);
        n.claim(NOW, LEASE);

        assertThatThrownBy(() -> n.claim(NOW.plusSeconds(60), LEASE)).isInstanceOf(IllegalNotificationTransition.class);
        n.claim(NOW.plus(LEASE).plusSeconds(1), LEASE);

        assertThat(n.status()).isEqualTo(NotificationStatus.SENDING);
        assertThat(n.attempts()).isEqualTo(2);
    }

    @Test
    void onlyASendingMessageCanBeDeliveredRetriedOrFailed() {
        Notification pending = Notification.pending(draft(Channel.PUSH), NOW);
        Notification skipped = Notification.skipped(draft(Channel.PUSH), SkipReason.NO_DEVICE, NOW);

        assertThatThrownBy(() -> pending.delivered("fcm", "x", NOW)).isInstanceOf(IllegalNotificationTransition.class);
        assertThatThrownBy(() -> pending.failed("fcm", "x", NOW)).isInstanceOf(IllegalNotificationTransition.class);
        assertThatThrownBy(() -> skipped.claim(NOW, LEASE)).isInstanceOf(IllegalNotificationTransition.class);
        assertThat(skipped.lastError()).isEqualTo("NO_DEVICE");
    }

    @Test
    void aStandbySmsIsEitherActivatedOrStoodDownOnce() {
        Notification push = Notification.pending(draft(Channel.PUSH), NOW);
        Notification activated = Notification.standby(draft(Channel.SMS), push, NOW);
        Notification stoodDown = Notification.standby(draft(Channel.SMS), push, NOW);

        assertThatThrownBy(() -> activated.claim(NOW, LEASE)).isInstanceOf(IllegalNotificationTransition.class);
        activated.activate(NOW);
        stoodDown.standDown(NOW);

        assertThat(activated.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(activated.fallbackFor()).isEqualTo(push.id());
        assertThat(stoodDown.status()).isEqualTo(NotificationStatus.NOT_NEEDED);
        assertThatThrownBy(() -> stoodDown.activate(NOW)).isInstanceOf(IllegalNotificationTransition.class);
        assertThatThrownBy(() -> activated.standDown(NOW)).isInstanceOf(IllegalNotificationTransition.class);
    }

    private static MessageDraft draft(Channel channel) {
        return new MessageDraft(UUID.randomUUID(), "driver.offer", UUID.randomUUID(), UUID.randomUUID(),
                Audience.DRIVER, channel, Category.DRIVER_JOBS, true, "driver-offer", "en", "+4915100000000",
                "title", "body");
    }
}
