package com.delivery.notification.infra;

import com.delivery.notification.app.NotificationProperties;
import com.delivery.notification.app.PushSender;
import com.delivery.notification.app.SendOutcome;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.ErrorCode;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Push through the Firebase Admin SDK (FCM HTTP v1), authenticated with the service account from FIREBASE_*.
 * An UNREGISTERED or INVALID_ARGUMENT answer means the token is dead; UNAVAILABLE, INTERNAL, QUOTA_EXCEEDED,
 * 5xx, 429 and timeouts are transient. (The SDK itself already retries a 503 a few times, honouring Retry-After,
 * before it reports UNAVAILABLE.)
 */
public class FirebasePushSender implements PushSender, AutoCloseable {

    static final String PROVIDER = "fcm";

    private static final Set<MessagingErrorCode> DEAD_TOKEN = Set.of(MessagingErrorCode.UNREGISTERED,
            MessagingErrorCode.INVALID_ARGUMENT);
    private static final Set<MessagingErrorCode> TRANSIENT = Set.of(MessagingErrorCode.UNAVAILABLE,
            MessagingErrorCode.INTERNAL, MessagingErrorCode.QUOTA_EXCEEDED);
    private static final Set<ErrorCode> TRANSIENT_PLATFORM = Set.of(ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL,
            ErrorCode.DEADLINE_EXCEEDED, ErrorCode.RESOURCE_EXHAUSTED);

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;

    public FirebasePushSender(NotificationProperties.Push settings) {
        HttpTransport transport = new NetHttpTransport.Builder()
                .setConnectionFactory(new BaseUrlConnectionFactory(settings.baseUrl(), settings.connectTimeout(),
                        settings.readTimeout()))
                .build();
        GoogleCredentials credentials;
        try {
            credentials = ServiceAccountCredentials.newBuilder()
                    .setProjectId(settings.projectId())
                    .setClientEmail(settings.clientEmail())
                    .setPrivateKeyString(settings.privateKey().replace("\\n", "\n"))
                    .setHttpTransportFactory(() -> transport)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("FIREBASE_PRIVATE_KEY is not a PKCS#8 PEM private key", e);
        }
        FirebaseOptions options = FirebaseOptions.builder()
                .setProjectId(settings.projectId())
                .setCredentials(credentials)
                .setHttpTransport(transport)
                // Gson, which the SDK already depends on; its Jackson default comes only with Firestore/Storage
                .setJsonFactory(GsonFactory.getDefaultInstance())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .build();
        this.app = FirebaseApp.initializeApp(options, "notification-service-" + UUID.randomUUID());
        this.messaging = FirebaseMessaging.getInstance(app);
    }

    @Override
    public SendOutcome send(PushMessage push) {
        Message.Builder message = Message.builder()
                .setToken(push.token())
                .setNotification(Notification.builder().setTitle(push.title()).setBody(push.body()).build())
                .putAllData(push.data());
        if (push.critical()) {
            message.setAndroidConfig(AndroidConfig.builder().setPriority(AndroidConfig.Priority.HIGH).build())
                    .setApnsConfig(ApnsConfig.builder().putHeader("apns-priority", "10")
                            .setAps(Aps.builder().setSound("default").build()).build());
        }
        try {
            return new SendOutcome.Sent(PROVIDER, messaging.send(message.build()));
        } catch (FirebaseMessagingException e) {
            return classify(e);
        }
    }

    private static SendOutcome classify(FirebaseMessagingException e) {
        IncomingHttpResponse response = e.getHttpResponse();
        Integer status = response == null ? null : response.getStatusCode();
        MessagingErrorCode code = e.getMessagingErrorCode();
        String error = (code != null ? code : e.getErrorCode()) + ": " + e.getMessage();
        if (code != null && DEAD_TOKEN.contains(code)) {
            return new SendOutcome.InvalidToken(PROVIDER, status, error);
        }
        boolean transientFailure = (code != null && TRANSIENT.contains(code))
                || TRANSIENT_PLATFORM.contains(e.getErrorCode())
                || (status != null && RetryAfter.isTransientStatus(status))
                || (response == null && e.getCause() instanceof IOException);
        if (transientFailure) {
            return new SendOutcome.TransientFailure(PROVIDER, status, error, retryAfter(response));
        }
        return new SendOutcome.PermanentFailure(PROVIDER, status, error);
    }

    private static Duration retryAfter(IncomingHttpResponse response) {
        if (response == null) {
            return null;
        }
        for (Map.Entry<String, Object> header : response.getHeaders().entrySet()) {
            if ("retry-after".equalsIgnoreCase(header.getKey())) {
                Object value = header.getValue();
                return RetryAfter.parse(value instanceof List<?> list && !list.isEmpty()
                        ? String.valueOf(list.getFirst()) : String.valueOf(value));
            }
        }
        return null;
    }

    @Override
    public void close() {
        app.delete();
    }
}
