package com.delivery.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.notification.app.EmailSender;
import com.delivery.notification.app.NotificationProperties;
import com.delivery.notification.app.PushSender;
import com.delivery.notification.app.SendOutcome;
import com.delivery.notification.app.SmsSender;
import com.delivery.notification.infra.LocalSinkEmailSender;
import com.delivery.notification.infra.LocalSinkPushSender;
import com.delivery.notification.infra.LocalSinkSmsSender;
import com.delivery.notification.infra.SendGridEmailSender;
import com.delivery.notification.infra.TwilioSmsSender;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Which sender each channel gets is decided per channel, by whether that channel's credentials are set. */
class ChannelSelectionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotificationProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, ChannelConfiguration.class);

    @Test
    void withoutCredentialsEveryChannelUsesTheLocalSinkWhichReportsDelivery() {
        context.run(ctx -> {
            assertThat(ctx.getBean(PushSender.class)).isInstanceOf(LocalSinkPushSender.class);
            assertThat(ctx.getBean(SmsSender.class)).isInstanceOf(LocalSinkSmsSender.class);
            assertThat(ctx.getBean(EmailSender.class)).isInstanceOf(LocalSinkEmailSender.class);

            SendOutcome sms = ctx.getBean(SmsSender.class).send(new SmsSender.SmsMessage("+4915100000000", "Hi"));
            SendOutcome email = ctx.getBean(EmailSender.class).send(
                    new EmailSender.EmailMessage("ada@example.com", "Ada", "Hello", "<p>Hi <b>Ada</b></p>"));
            SendOutcome push = ctx.getBean(PushSender.class).send(
                    new PushSender.PushMessage("token-123", "Title", "Body", Map.of(), true));
            assertThat(sms).isInstanceOfSatisfying(SendOutcome.Sent.class,
                    sent -> assertThat(sent.provider()).isEqualTo("local-sink"));
            assertThat(email).isInstanceOfSatisfying(SendOutcome.Sent.class,
                    sent -> assertThat(sent.provider()).isEqualTo("local-sink"));
            assertThat(push).isInstanceOfSatisfying(SendOutcome.Sent.class,
                    sent -> assertThat(sent.providerMessageId()).startsWith("local-"));
        });
    }

    @Test
    void aChannelWithCredentialsUsesItsProviderWhileTheOthersStayLocal() {
        context.withPropertyValues(
                        "notification.sms.account-sid=AC0123456789abcdef0123456789abcdef",
                        "notification.sms.auth-token=secret", "notification.sms.from-number=+15005550006",
                        "notification.email.api-key=SG.key", "notification.email.from-email=orders@delivery.test")
                .run(ctx -> {
                    assertThat(ctx.getBean(SmsSender.class)).isInstanceOf(TwilioSmsSender.class);
                    assertThat(ctx.getBean(EmailSender.class)).isInstanceOf(SendGridEmailSender.class);
                    assertThat(ctx.getBean(PushSender.class)).isInstanceOf(LocalSinkPushSender.class);
                });
    }

    @Test
    void halfAConfigurationIsNoConfiguration() {
        context.withPropertyValues("notification.sms.account-sid=AC0123", "notification.push.project-id=p")
                .run(ctx -> {
                    assertThat(ctx.getBean(SmsSender.class)).isInstanceOf(LocalSinkSmsSender.class);
                    assertThat(ctx.getBean(PushSender.class)).isInstanceOf(LocalSinkPushSender.class);
                });
    }
}
