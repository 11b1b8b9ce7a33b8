package com.delivery.notification.infra;

import com.delivery.notification.app.PushSender;
import com.delivery.notification.app.SendOutcome;

/** Push without Firebase credentials: logged, recorded as delivered to the local sink. */
public class LocalSinkPushSender implements PushSender {

    @Override
    public SendOutcome send(PushMessage message) {
        String token = message.token();
        String shortToken = token.length() <= 12 ? token : token.substring(0, 12) + "…";
        return LocalSink.deliver("PUSH", shortToken, message.title(), message.body());
    }
}
