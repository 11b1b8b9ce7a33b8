package com.delivery.notification.config;

import com.delivery.notification.app.EmailSender;
import com.delivery.notification.app.NotificationProperties;
import com.delivery.notification.app.PushSender;
import com.delivery.notification.app.SmsSender;
import com.delivery.notification.infra.FirebasePushSender;
import com.delivery.notification.infra.LocalSinkEmailSender;
import com.delivery.notification.infra.LocalSinkPushSender;
import com.delivery.notification.infra.LocalSinkSmsSender;
import com.delivery.notification.infra.SendGridEmailSender;
import com.delivery.notification.infra.TwilioSmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One sender per channel, chosen by configuration alone: the provider when its credentials are set, the local sink
 * when they are not. Each channel decides on its own, so e.g. SMS can be real while email stays local.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChannelConfiguration.class);

    @Bean
    PushSender pushSender(NotificationProperties properties) {
        NotificationProperties.Push push = properties.push();
        if (push.configured()) {
            log.info("Channel PUSH: Firebase Cloud Messaging, project {}", push.projectId());
            return new FirebasePushSender(push);
        }
        log.info("Channel PUSH: local sink (FIREBASE_PROJECT_ID / FIREBASE_CLIENT_EMAIL / FIREBASE_PRIVATE_KEY not set)");
        return new LocalSinkPushSender();
    }

    @Bean
    SmsSender smsSender(NotificationProperties properties) {
        NotificationProperties.Sms sms = properties.sms();
        if (sms.configured()) {
            log.info("Channel SMS: Twilio, from {}", sms.fromNumber());
            return new TwilioSmsSender(sms);
        }
        log.info("Channel SMS: local sink (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN / TWILIO_PHONE_NUMBER not set)");
        return new LocalSinkSmsSender();
    }

    @Bean
    EmailSender emailSender(NotificationProperties properties) {
        NotificationProperties.Email email = properties.email();
        if (email.configured()) {
            log.info("Channel EMAIL: SendGrid, from {}", email.fromEmail());
            return new SendGridEmailSender(email);
        }
        log.info("Channel EMAIL: local sink (SENDGRID_API_KEY / SENDGRID_FROM_EMAIL not set)");
        return new LocalSinkEmailSender();
    }
}
