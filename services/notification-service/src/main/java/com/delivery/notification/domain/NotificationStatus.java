package com.delivery.notification.domain;

/**
 * Life of one message. {@code PENDING -> SENDING -> DELIVERED | FAILED}, back to {@code PENDING} for a retry;
 * {@code STANDBY -> PENDING | NOT_NEEDED} for the SMS that backs up a critical push; {@code SKIPPED} from the start
 * when there was nothing to send (opted out, no device, unknown recipient).
 */
public enum NotificationStatus {
    PENDING, SENDING, DELIVERED, FAILED, SKIPPED, STANDBY, NOT_NEEDED;

    /** States the recipient's own history shows: what was (or will be) sent, not the internal backups. */
    public boolean visibleToRecipient() {
        return this != STANDBY && this != NOT_NEEDED;
    }
}
