package com.delivery.notification.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WireMock server that plays Google OAuth + FCM HTTP v1, Twilio and SendGrid for the real SDKs, answering with
 * the providers' own shapes, and lets tests script failures for one recipient (by token, phone or email) and read
 * back exactly what the SDKs sent.
 */
public final class ProviderStandIns {

    public static final String FCM_PROJECT = "stand-in-project";
    public static final String FIREBASE_CLIENT_EMAIL = "notifications@stand-in-project.iam.gserviceaccount.com";
    public static final String TWILIO_SID = "AC" + "0123456789abcdef0123456789abcdef";
    public static final String TWILIO_TOKEN = "twilio-stand-in-token";
    public static final String TWILIO_FROM = "+15005550006";
    public static final String SENDGRID_KEY = "SG.stand-in-key";
    public static final String SENDGRID_FROM = "orders@delivery.test";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FCM_SEND = "/v1/projects/" + FCM_PROJECT + "/messages:send";
    private static final String TWILIO_MESSAGES = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";
    private static final String SENDGRID_SEND = "/v3/mail/send";

    private static WireMockServer server;
    private static String privateKeyPem;

    private ProviderStandIns() {
    }

    public static synchronized void start() {
        if (server != null) {
            return;
        }
        privateKeyPem = newPrivateKey();
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(20));
        server.start();
        server.stubFor(post(urlPathEqualTo("/token")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"ya29.stand-in\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        server.stubFor(post(urlPathEqualTo(FCM_SEND)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"projects/" + FCM_PROJECT + "/messages/0:1700000000000000%stand-in\"}")));
        server.stubFor(post(urlPathEqualTo(TWILIO_MESSAGES)).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"account_sid\":\"" + TWILIO_SID
                        + "\",\"status\":\"queued\",\"direction\":\"outbound-api\",\"num_segments\":\"1\"}")));
        server.stubFor(post(urlPathEqualTo(SENDGRID_SEND)).atPriority(10).willReturn(aResponse().withStatus(202)
                .withHeader("X-Message-Id", "sg-stand-in-message")));
    }

    public static String baseUrl() {
        return server.baseUrl();
    }

    public static String privateKeyPem() {
        return privateKeyPem;
    }

    public static WireMockServer server() {
        return server;
    }

    // ---- scripted failures, for one recipient only -------------------------------------------------------------

    /** FCM answers this token with the given error code, every time (e.g. UNREGISTERED, INVALID_ARGUMENT). */
    public static void fcmRejects(String token, int status, String fcmErrorCode) {
        server.stubFor(fcmFor(token).atPriority(1).willReturn(fcmError(status, fcmErrorCode)));
    }

    /** FCM answers this token with {@code failures} in turn, then normally. */
    public static void fcmFailsFirst(String token, ResponseDefinitionBuilder... failures) {
        scripted(() -> fcmFor(token), "fcm-" + token, failures);
    }

    /** Twilio answers SMS to this number with {@code failures} in turn, then normally. */
    public static void twilioFailsFirst(String phone, ResponseDefinitionBuilder... failures) {
        scripted(() -> post(urlPathEqualTo(TWILIO_MESSAGES)).withRequestBody(containing(
                "To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))), "twilio-" + phone, failures);
    }

    /** SendGrid answers mail to this address with {@code failures} in turn, then normally. */
    public static void sendGridFailsFirst(String email, ResponseDefinitionBuilder... failures) {
        scripted(() -> post(urlPathEqualTo(SENDGRID_SEND))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(email))),
                "sendgrid-" + email, failures);
    }

    public static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                        + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    public static ResponseDefinitionBuilder sendGridError(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"message\":\"" + message + "\",\"field\":null,\"help\":null}]}");
    }

    private static void scripted(Supplier<MappingBuilder> request, String name, ResponseDefinitionBuilder... failures) {
        String scenario = name + "-" + UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = "after-" + (i + 1);
            server.stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(failures[i]).willSetStateTo(next));
            state = next;
        }
    }

    private static MappingBuilder fcmFor(String token) {
        return post(urlPathEqualTo(FCM_SEND)).withRequestBody(matchingJsonPath("$.message.token", equalTo(token)));
    }

    public static ResponseDefinitionBuilder fcmError(int status, String errorCode) {
        String canonical = switch (status) {
            case 404 -> "NOT_FOUND";
            case 400 -> "INVALID_ARGUMENT";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"stand-in " + errorCode + "\",\"status\":\""
                        + canonical + "\",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                        + "\"errorCode\":\"" + errorCode + "\"}]}}");
    }

    // ---- what the SDKs sent -------------------------------------------------------------------------------------

    /** FCM v1 send requests for this token, as JSON, oldest first. */
    public static List<JsonNode> fcmRequestsFor(String token) {
        return requests(FCM_SEND).stream().map(r -> JSON.readTree(r.getBodyAsString()))
                .filter(json -> token.equals(json.path("message").path("token").asString())).toList();
    }

    /** Twilio message creations to this number, as decoded form fields, oldest first. */
    public static List<Map<String, String>> twilioRequestsTo(String phone) {
        return requests(TWILIO_MESSAGES).stream().map(r -> form(r.getBodyAsString()))
                .filter(form -> phone.equals(form.get("To"))).toList();
    }

    public static List<LoggedRequest> twilioRawRequestsTo(String phone) {
        return requests(TWILIO_MESSAGES).stream().filter(r -> phone.equals(form(r.getBodyAsString()).get("To")))
                .toList();
    }

    /** SendGrid mail/send requests to this address, as JSON, oldest first. */
    public static List<JsonNode> sendGridRequestsTo(String email) {
        return sendGridRawRequestsTo(email).stream().map(r -> JSON.readTree(r.getBodyAsString())).toList();
    }

    public static List<LoggedRequest> sendGridRawRequestsTo(String email) {
        return requests(SENDGRID_SEND).stream().filter(r -> email.equals(JSON.readTree(r.getBodyAsString())
                .path("personalizations").path(0).path("to").path(0).path("email").asString())).toList();
    }

    public static List<LoggedRequest> requests(String path) {
        List<LoggedRequest> found = new ArrayList<>(server.getAllServeEvents().stream()
                .map(e -> e.getRequest()).filter(r -> r.getUrl().startsWith(path)).toList());
        found.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return found;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String newPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8);
            return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
