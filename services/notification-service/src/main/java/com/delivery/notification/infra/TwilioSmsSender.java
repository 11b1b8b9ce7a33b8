package com.delivery.notification.infra;

import com.delivery.notification.app.NotificationProperties;
import com.delivery.notification.app.SendOutcome;
import com.delivery.notification.app.SmsSender;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * SMS through the Twilio SDK. Twilio's own client retries 5xx three times on its own; here it makes exactly one
 * call, so every attempt is recorded and the retry schedule (and Retry-After) is the dispatcher's.
 */
public class TwilioSmsSender implements SmsSender {

    static final String PROVIDER = "twilio";

    private final TwilioRestClient client;
    private final SingleAttemptHttpClient http;
    private final PhoneNumber from;

    public TwilioSmsSender(NotificationProperties.Sms settings) {
        this.http = new SingleAttemptHttpClient(settings.baseUrl(), settings.readTimeout());
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken()).httpClient(http).build();
        this.from = new PhoneNumber(settings.fromNumber());
    }

    @Override
    public SendOutcome send(SmsMessage sms) {
        try {
            Message message = Message.creator(new PhoneNumber(sms.to()), from, sms.body()).create(client);
            return new SendOutcome.Sent(PROVIDER, message.getSid());
        } catch (ApiException e) {
            // an error body Twilio could not parse leaves the status out of the exception; the response still had one
            Integer status = e.getStatusCode() != null ? e.getStatusCode() : http.lastStatus();
            String error = (e.getCode() == null ? "" : e.getCode() + " ") + e.getMessage();
            if (status == null || RetryAfter.isTransientStatus(status)) {
                return new SendOutcome.TransientFailure(PROVIDER, status, error, http.lastRetryAfter());
            }
            return new SendOutcome.PermanentFailure(PROVIDER, status, error);
        } catch (TwilioException e) {
            return new SendOutcome.TransientFailure(PROVIDER, null, e.getMessage(), null);
        } finally {
            http.forgetLastResponse();
        }
    }

    /**
     * Twilio's Apache-based client with one call per request, the response's Retry-After kept for the calling
     * thread, and (for tests) every request sent to another base URL instead of {@code https://api.twilio.com}.
     */
    static final class SingleAttemptHttpClient extends NetworkHttpClient {

        private static final ThreadLocal<LastResponse> LAST = new ThreadLocal<>();
        private final URI base;

        SingleAttemptHttpClient(String baseUrl, Duration readTimeout) {
            super(clientBuilder(readTimeout));
            this.base = baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl);
        }

        /**
         * As Twilio's default, but without Apache HttpClient's own retry of 429/503 (which would hide attempts from
         * the dispatcher and ignore its schedule).
         */
        private static HttpClientBuilder clientBuilder(Duration readTimeout) {
            PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
            connections.setDefaultSocketConfig(
                    SocketConfig.custom().setSoTimeout(Timeout.of(readTimeout)).setSoKeepAlive(true).build());
            connections.setDefaultMaxPerRoute(20);
            connections.setMaxTotal(100);
            return HttpClientBuilder.create().useSystemProperties().setConnectionManager(connections)
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                    .disableAutomaticRetries();
        }

        @Override
        public Response reliableRequest(Request request) {
            return reliableRequest(request, new int[0], 1, 0L);
        }

        @Override
        public Response makeRequest(Request request) {
            Response response = super.makeRequest(base == null ? request : rebased(request));
            LAST.set(response == null ? null : new LastResponse(response.getStatusCode(), retryAfter(response)));
            return response;
        }

        Duration lastRetryAfter() {
            LastResponse last = LAST.get();
            return last == null ? null : last.retryAfter();
        }

        Integer lastStatus() {
            LastResponse last = LAST.get();
            return last == null ? null : last.status();
        }

        void forgetLastResponse() {
            LAST.remove();
        }

        private record LastResponse(int status, Duration retryAfter) {
        }

        private Request rebased(Request request) {
            URL original = request.constructURL();
            String url = base.getScheme() + "://" + base.getAuthority() + original.getPath();
            Request copy = new Request(request.getMethod(), url);
            if (request.getAuthStrategy() != null) {
                copy.setAuth(request.getAuthStrategy());
            } else {
                copy.setAuth(request.getUsername(), request.getPassword());
            }
            copy.setContentType(request.getContentType());
            copy.setBody(request.getBody());
            copy.setUserAgentExtensions(request.getUserAgentExtensions());
            copyAll(request.getQueryParams(), copy::addQueryParam);
            copyAll(request.getPostParams(), copy::addPostParam);
            copyAll(request.getHeaderParams(), copy::addHeaderParam);
            return copy;
        }

        private static void copyAll(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
            params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
        }

        private static Duration retryAfter(Response response) {
            if (response == null || response.getHeaders() == null) {
                return null;
            }
            for (Header header : response.getHeaders()) {
                if ("Retry-After".equalsIgnoreCase(header.getName())) {
                    return RetryAfter.parse(header.getValue());
                }
            }
            return null;
        }
    }
}
