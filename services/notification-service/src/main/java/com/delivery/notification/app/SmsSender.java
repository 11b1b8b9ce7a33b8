package com.delivery.notification.app;

/** Sends a text message to a phone number (Twilio, or the local sink). */
public interface SmsSender {

    SendOutcome send(SmsMessage message);

    /** @param to E.164 phone number */
    record SmsMessage(String to, String body) {
    }
}
