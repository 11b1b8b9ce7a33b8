package com.delivery.notification.app;

import com.delivery.notification.domain.Audience;
import com.delivery.notification.domain.Channel;
import com.delivery.notification.domain.Contact;
import com.delivery.notification.domain.Contacts;
import com.delivery.notification.domain.DeferredEvents;
import com.delivery.notification.domain.DeviceTokens;
import com.delivery.notification.domain.MessageDraft;
import com.delivery.notification.domain.Notification;
import com.delivery.notification.domain.Notifications;
import com.delivery.notification.domain.PreferenceSet;
import com.delivery.notification.domain.Preferences;
import com.delivery.notification.domain.Route;
import com.delivery.notification.domain.RoutingTable;
import com.delivery.notification.domain.SkipReason;
import com.delivery.notification.domain.VendorOwner;
import com.delivery.notification.domain.VendorOwners;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns an event into recorded messages: routes it, finds each recipient, applies preferences (normal messages) or
 * ignores them (critical ones), renders the templates in the recipient's language and records one row per
 * recipient and channel. Sending happens later, in the dispatcher, so the Kafka consumer never waits on a provider.
 * A message already recorded for the same event, recipient and channel is never recorded again.
 */
@Service
public class NotificationPlanner {

    private static final Logger log = LoggerFactory.getLogger(NotificationPlanner.class);

    private final Notifications notifications;
    private final Contacts contacts;
    private final VendorOwners vendorOwners;
    private final Preferences preferences;
    private final DeviceTokens deviceTokens;
    private final TemplateRenderer templates;
    private final DispatchSignal dispatch;
    private final Clock clock;
    private final DeferredEvents deferredEvents;

    NotificationPlanner(Notifications notifications, Contacts contacts, VendorOwners vendorOwners,
            Preferences preferences, DeviceTokens deviceTokens, TemplateRenderer templates, DispatchSignal dispatch,
            Clock clock, DeferredEvents deferredEvents) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.vendorOwners = vendorOwners;
        this.preferences = preferences;
        this.deviceTokens = deviceTokens;
        this.templates = templates;
        this.dispatch = dispatch;
        this.clock = clock;
        this.deferredEvents = deferredEvents;
    }

    /** @return how many messages are now waiting to be sent */
    @Transactional
    public int plan(PlannedEvent event) {
        int pending = 0;
        for (Route route : RoutingTable.routesFor(event.eventType())) {
            UUID party = event.parties().get(route.audience());
            if (party != null) {
                pending += planRoute(event, route, party);
            }
        }
        if (pending > 0) {
            wakeDispatcherAfterCommit();
        }
        return pending;
    }

    private int planRoute(PlannedEvent event, Route route, UUID party) {
        Instant now = clock.instant();
        UUID recipientId = party;
        if (route.audience() == Audience.VENDOR) {
            Optional<VendorOwner> owner = vendorOwners.findById(party);
            if (owner.isEmpty()) {
                if (event.sourceJson() == null) {
                    skipAll(event, route, party, SkipReason.UNKNOWN_VENDOR, now);
                } else {
                    // its vendor.registered may still be on its way (topics are not ordered with each other)
                    deferredEvents.defer(event.eventId(), party, event.sourceJson(), now);
                    log.info("Holding {} for vendorId={} until its owner is known eventId={}", event.eventType(),
                            party, event.eventId());
                }
                return 0;
            }
            recipientId = owner.get().ownerUserId();
        }
        Optional<Contact> found = contacts.findById(recipientId);
        if (found.isEmpty()) {
            if (event.sourceJson() == null) {
                skipAll(event, route, recipientId, SkipReason.UNKNOWN_RECIPIENT, now);
            } else {
                // their user.registered may still be on its way (topics are not ordered with each other)
                deferredEvents.defer(event.eventId(), recipientId, event.sourceJson(), now);
                log.info("Holding {} for userId={} until their contact details arrive eventId={}", event.eventType(),
                        recipientId, event.eventId());
            }
            return 0;
        }
        Contact contact = found.get();
        PreferenceSet choices = preferences.of(recipientId);
        long devices = deviceTokens.countByUserId(recipientId);
        Map<String, Object> model = new HashMap<>(event.model().apply(contact.locale()));
        model.put("firstName", contact.firstName());
        model.put("fullName", contact.fullName());

        int pending = 0;
        boolean pushImpossible = false;
        Notification push = null;
        for (Channel channel : route.channels()) {
            if (alreadyRecorded(event, recipientId, channel)) {
                continue;
            }
            String destination = channel == Channel.PUSH
                    ? (devices > 0 ? devices + (devices == 1 ? " device" : " devices") : null)
                    : contact.addressFor(channel);
            MessageDraft draft = draft(event, route, recipientId, channel, contact.localeTag(), destination);
            if (!route.critical() && !choices.allows(route.category(), channel)) {
                record(Notification.skipped(draft, SkipReason.OPTED_OUT, now));
                continue;
            }
            if (destination == null) {
                record(Notification.skipped(draft, missing(channel), now));
                pushImpossible |= channel == Channel.PUSH;
                continue;
            }
            Notification message = record(Notification.pending(rendered(draft, route, contact, model), now));
            pending++;
            if (channel == Channel.PUSH) {
                push = message;
            }
        }
        if (route.needsSmsFallback() && !alreadyRecorded(event, recipientId, Channel.SMS)) {
            MessageDraft sms = draft(event, route, recipientId, Channel.SMS, contact.localeTag(), contact.phone());
            if (contact.phone() == null) {
                record(Notification.skipped(sms, SkipReason.NO_PHONE, now));
            } else if (pushImpossible) {
                record(Notification.pending(rendered(sms, route, contact, model), now));
                pending++;
                log.info("Critical {} for userId={} goes by SMS: no device token eventId={}", event.eventType(),
                        recipientId, event.eventId());
            } else if (push != null) {
                record(Notification.standby(rendered(sms, route, contact, model), push, now));
            }
        }
        return pending;
    }

    private MessageDraft rendered(MessageDraft draft, Route route, Contact contact, Map<String, Object> model) {
        TemplateRenderer.Rendered text = templates.render(route.template(), draft.channel(), contact.locale(), model);
        return new MessageDraft(draft.eventId(), draft.eventType(), draft.orderId(), draft.recipientId(),
                draft.audience(), draft.channel(), draft.category(), draft.critical(), draft.template(),
                text.locale(), draft.destination(), text.subject(), text.body());
    }

    private void skipAll(PlannedEvent event, Route route, UUID recipientId, SkipReason reason, Instant now) {
        log.warn("Skipping {} for {} {}: {} eventId={}", event.eventType(), route.audience(), recipientId, reason,
                event.eventId());
        for (Channel channel : route.channels()) {
            if (!alreadyRecorded(event, recipientId, channel)) {
                record(Notification.skipped(draft(event, route, recipientId, channel, null, null), reason, now));
            }
        }
    }

    private boolean alreadyRecorded(PlannedEvent event, UUID recipientId, Channel channel) {
        return notifications.existsByEventIdAndRecipientIdAndChannel(event.eventId(), recipientId, channel);
    }

    private Notification record(Notification notification) {
        return notifications.save(notification);
    }

    private static MessageDraft draft(PlannedEvent event, Route route, UUID recipientId, Channel channel,
            String locale, String destination) {
        return new MessageDraft(event.eventId(), event.eventType(), event.orderId(), recipientId, route.audience(),
                channel, route.category(), route.critical(), route.template(), locale, destination, null, null);
    }

    private static SkipReason missing(Channel channel) {
        return switch (channel) {
            case PUSH -> SkipReason.NO_DEVICE;
            case SMS -> SkipReason.NO_PHONE;
            case EMAIL -> SkipReason.NO_EMAIL;
        };
    }

    private void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatch.wake();
                }
            });
        } else {
            dispatch.wake();
        }
    }
}
