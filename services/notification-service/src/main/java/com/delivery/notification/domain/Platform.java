package com.delivery.notification.domain;

/** Where an FCM registration token comes from. */
public enum Platform {
    ANDROID, IOS, WEB
}
