package com.delivery.notification.app;

import java.util.Map;

/** Sends a push notification to one device token (FCM, or the local sink). */
public interface PushSender {

    SendOutcome send(PushMessage message);

    /**
     * @param data     key/value pairs the app receives with the notification (type, orderId, ...)
     * @param critical asks the platforms for immediate delivery (Android high priority, APNs priority 10)
     */
    record PushMessage(String token, String title, String body, Map<String, String> data, boolean critical) {
    }
}
