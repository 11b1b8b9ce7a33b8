package com.delivery.notification.domain;

/** A notification was asked to move in a way its state does not allow: a bug, never a user error. */
public class IllegalNotificationTransition extends IllegalStateException {

    public IllegalNotificationTransition(Notification notification, String move) {
        super("Notification " + notification.id() + " cannot " + move + " from " + notification.status());
    }
}
