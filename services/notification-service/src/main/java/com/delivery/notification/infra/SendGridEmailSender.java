package com.delivery.notification.infra;

import com.delivery.notification.app.EmailSender;
import com.delivery.notification.app.NotificationProperties;
import com.delivery.notification.app.SendOutcome;
import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClients;

/** Email through the SendGrid SDK (v3 mail/send). 429 and 5xx are transient, other errors permanent. */
public class SendGridEmailSender implements EmailSender {

    static final String PROVIDER = "sendgrid";

    private final SendGrid sendGrid;
    private final Email from;

    public SendGridEmailSender(NotificationProperties.Email settings) {
        URI base = URI.create(settings.baseUrl() == null || settings.baseUrl().isBlank()
                ? "https://api.sendgrid.com" : settings.baseUrl());
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setSocketTimeout((int) settings.readTimeout().toMillis())
                .build();
        // the SDK's "test" flag is what lets it speak plain http to a local stand-in
        Client client = new Client(HttpClients.custom().setDefaultRequestConfig(timeouts).disableAutomaticRetries()
                .build(), "http".equals(base.getScheme()));
        this.sendGrid = new SendGrid(settings.apiKey(), client);
        this.sendGrid.setHost(base.getAuthority());
        this.from = new Email(settings.fromEmail(), settings.fromName());
    }

    @Override
    public SendOutcome send(EmailMessage email) {
        Mail mail = new Mail(from, email.subject(), new Email(email.to(), email.toName()),
                new Content("text/html", email.html()));
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        try {
            request.setBody(mail.build());
            Response response = sendGrid.api(request);
            int status = response.getStatusCode();
            if (status >= 200 && status < 300) {
                return new SendOutcome.Sent(PROVIDER, header(response.getHeaders(), "X-Message-Id"));
            }
            String error = "HTTP " + status + ": " + response.getBody();
            if (RetryAfter.isTransientStatus(status)) {
                return new SendOutcome.TransientFailure(PROVIDER, status, error,
                        RetryAfter.parse(header(response.getHeaders(), "Retry-After")));
            }
            return new SendOutcome.PermanentFailure(PROVIDER, status, error);
        } catch (IOException e) {
            return new SendOutcome.TransientFailure(PROVIDER, null, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    null);
        }
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
