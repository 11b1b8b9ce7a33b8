package com.delivery.notification.app;

/** Sends an email (SendGrid, or the local sink). */
public interface EmailSender {

    SendOutcome send(EmailMessage message);

    record EmailMessage(String to, String toName, String subject, String html) {
    }
}
