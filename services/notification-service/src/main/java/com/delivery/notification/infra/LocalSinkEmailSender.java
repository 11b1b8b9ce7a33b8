package com.delivery.notification.infra;

import com.delivery.notification.app.EmailSender;
import com.delivery.notification.app.SendOutcome;

/** Email without SendGrid credentials: logged (as text), recorded as delivered to the local sink. */
public class LocalSinkEmailSender implements EmailSender {

    @Override
    public SendOutcome send(EmailMessage message) {
        return LocalSink.deliver("EMAIL", message.to(), message.subject(), LocalSink.plain(message.html()));
    }
}
