package com.delivery.notification.infra;

import com.delivery.notification.app.SendOutcome;
import com.delivery.notification.app.SmsSender;

/** SMS without Twilio credentials: logged, recorded as delivered to the local sink. */
public class LocalSinkSmsSender implements SmsSender {

    @Override
    public SendOutcome send(SmsMessage message) {
        return LocalSink.deliver("SMS", message.to(), null, message.body());
    }
}
