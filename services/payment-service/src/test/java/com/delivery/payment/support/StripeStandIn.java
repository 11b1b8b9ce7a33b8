package com.delivery.payment.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock server that answers the stripe-java SDK with Stripe's real JSON shapes for the calls the payment service
 * makes, and remembers every request so tests can assert what the SDK sent (form parameters, Idempotency-Key).
 * Like Stripe, the same idempotency key yields the same object id. Started once per JVM, before the Spring context,
 * and wired in through {@code payment.stripe.api-base}.
 */
public final class StripeStandIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static WireMockServer server;
    private static final Map<String, Map<String, Object>> INTENTS = new ConcurrentHashMap<>();
    private static final Map<String, String[]> REFUSED_ORDERS = new ConcurrentHashMap<>();
    /** Orders whose next intent creations Stripe answers with a 503, and how many more of them. */
    private static final Map<String, AtomicInteger> UNAVAILABLE_ORDERS = new ConcurrentHashMap<>();
    /** Orders whose next intent Stripe creates, but whose answer never reaches the caller (connection reset). */
    private static final Set<String> ANSWER_LOST_ORDERS = ConcurrentHashMap.newKeySet();
    private static final Map<String, HeldCreation> HELD_ORDERS = new ConcurrentHashMap<>();
    /** Per connected account: available, pending and instant-available amount (one currency, EUR). */
    private static final Map<String, long[]> BALANCES = new ConcurrentHashMap<>();

    private StripeStandIn() {
    }

    public static synchronized void install() {
        if (server != null) {
            return;
        }
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new StripeShapes()).containerThreads(20));
        server.start();
        server.stubFor(any(urlPathMatching("/v1/.*")).atPriority(10)
                .willReturn(aResponse().withTransformers(StripeShapes.NAME)));
        System.setProperty("payment.stripe.api-base", server.baseUrl());
    }

    public static WireMockServer server() {
        return server;
    }

    /** A request the SDK sent, with its form parameters decoded ({@code transfer_data[destination]} as the key). */
    public record StripeRequest(String method, String path, Map<String, String> form, String idempotencyKey,
            String authorization, String stripeAccount) {
    }

    public static List<StripeRequest> requests(String method, String path) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals(method) && URI.create(r.getUrl()).getPath().equals(path))
                .map(StripeStandIn::describe).toList();
    }

    /**
     * Every request the SDK sent that concerns one payment: naming its order in the form (metadata) or carrying its
     * payment id as idempotency key (as intent creation does).
     */
    public static List<StripeRequest> concerning(String orderId, String paymentId) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest).map(StripeStandIn::describe)
                .filter(r -> paymentId.equals(r.idempotencyKey()) || r.form().containsValue(orderId)
                        || r.form().containsValue(paymentId))
                .toList();
    }

    /** The intent-creation requests the SDK sent for one order. */
    public static List<StripeRequest> intentCreations(String orderId) {
        return requests("POST", "/v1/payment_intents").stream()
                .filter(r -> orderId.equals(r.form().get("metadata[orderId]"))).toList();
    }

    /** Stripe now sees the intent as paid, as after the customer confirmed it in the app. */
    public static void customerPaid(String intentId) {
        Map<String, Object> intent = INTENTS.get(intentId);
        if (intent == null) {
            throw new IllegalStateException("The stand-in never created " + intentId);
        }
        intent.put("status", "succeeded");
        intent.put("amount_received", intent.get("amount"));
    }

    /** Stripe will refuse to create the intent of this order, with an invalid_request_error of this code. */
    public static void refuseNextIntentFor(String orderId, String code, String message) {
        REFUSED_ORDERS.put(orderId, new String[] {code, message});
    }

    /** Stripe is down for this order's next {@code attempts} intent creations: 503, {@code api_error}. */
    public static void unavailableForNextIntentsOf(String orderId, int attempts) {
        UNAVAILABLE_ORDERS.put(orderId, new AtomicInteger(attempts));
    }

    /** Stripe answers this order's intent creations again (whatever is left of {@link #unavailableForNextIntentsOf}). */
    public static void availableAgainFor(String orderId) {
        UNAVAILABLE_ORDERS.remove(orderId);
    }

    /** Stripe creates this order's next intent, and the connection breaks before its answer arrives. */
    public static void loseNextIntentAnswerFor(String orderId) {
        ANSWER_LOST_ORDERS.add(orderId);
    }

    /** The next creation of this order's intent waits at Stripe until {@link HeldCreation#release()}. */
    public static HeldCreation holdNextIntentFor(String orderId) {
        HeldCreation held = new HeldCreation();
        HELD_ORDERS.put(orderId, held);
        return held;
    }

    /** An intent creation kept waiting at Stripe. */
    public static final class HeldCreation {

        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Whether the request has reached Stripe and waits there. */
        public boolean arrived() {
            return arrived.getCount() == 0;
        }

        public void release() {
            released.countDown();
        }

        void await() {
            arrived.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The id Stripe gives the intent created with this idempotency key (the payment id). */
    public static String intentIdFor(String idempotencyKey) {
        return "pi_" + StripeShapes.suffix(idempotencyKey);
    }

    /** The intents Stripe holds for this order (however many requests asked for them). */
    public static List<Map<String, Object>> intentsOf(String orderId) {
        return INTENTS.values().stream()
                .filter(intent -> intent.get("metadata") instanceof Map<?, ?> metadata
                        && orderId.equals(metadata.get("orderId")))
                .toList();
    }

    /** The connected account's EUR balance as Stripe will report it (and check payouts against). */
    public static void balanceOf(String accountId, long available, long pending, long instantAvailable) {
        BALANCES.put(accountId, new long[] {available, pending, instantAvailable});
    }

    private static StripeRequest describe(LoggedRequest request) {
        return new StripeRequest(request.getMethod().getName(), URI.create(request.getUrl()).getPath(),
                form(request.getBodyAsString()), request.getHeader("Idempotency-Key"),
                request.getHeader("Authorization"), request.getHeader("Stripe-Account"));
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    /** Builds Stripe-shaped answers from the request. */
    static final class StripeShapes implements ResponseDefinitionTransformerV2 {

        static final String NAME = "stripe-shapes";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            LoggedRequest request = serveEvent.getRequest();
            String method = request.getMethod().getName();
            URI uri = URI.create(request.getUrl());
            String path = uri.getPath();
            Map<String, String> form = form(request.getBodyAsString());
            String key = request.getHeader("Idempotency-Key");
            String[] parts = path.split("/");
            if (method.equals("POST") && path.equals("/v1/payment_intents")) {
                String orderId = String.valueOf(form.get("metadata[orderId]"));
                HeldCreation held = HELD_ORDERS.remove(orderId);
                if (held != null) {
                    held.await();
                }
                AtomicInteger outage = UNAVAILABLE_ORDERS.get(orderId);
                if (outage != null && outage.getAndDecrement() > 0) {
                    return unavailable();
                }
                String[] refusal = REFUSED_ORDERS.remove(orderId);
                if (refusal != null) {
                    return error(400, refusal[0], refusal[1]);
                }
                Map<String, Object> intent = createIntent(form, key);
                if (ANSWER_LOST_ORDERS.remove(orderId)) {
                    return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                }
                return ok(intent);
            }
            if (method.equals("GET") && parts.length == 4 && parts[2].equals("payment_intents")) {
                Map<String, Object> intent = INTENTS.get(parts[3]);
                return intent == null ? missing("payment_intent", parts[3])
                        : ok(withExpansions(intent, uri.getRawQuery()));
            }
            if (method.equals("POST") && parts.length == 5 && parts[2].equals("payment_intents")
                    && parts[4].equals("cancel")) {
                Map<String, Object> intent = INTENTS.get(parts[3]);
                if (intent == null) {
                    return missing("payment_intent", parts[3]);
                }
                if ("succeeded".equals(intent.get("status"))) {
                    return error(400, "payment_intent_unexpected_state", "You cannot cancel this PaymentIntent "
                            + "because it has a status of succeeded. Only a PaymentIntent with one of the following "
                            + "statuses may be canceled: requires_payment_method, requires_capture, "
                            + "requires_confirmation, requires_action, processing.");
                }
                intent.put("status", "canceled");
                intent.put("cancellation_reason", form.getOrDefault("cancellation_reason", null));
                intent.put("canceled_at", Instant.now().getEpochSecond());
                return ok(intent);
            }
            if (method.equals("POST") && path.equals("/v1/refunds")) {
                return ok(refund(form, key));
            }
            if (method.equals("POST") && path.equals("/v1/accounts")) {
                if ("ZZ".equals(form.get("country"))) {
                    return error(400, "country_unsupported", "Stripe doesn't support connected accounts in ZZ.");
                }
                return ok(account(form, key));
            }
            if (method.equals("POST") && path.equals("/v1/account_links")) {
                return ok(accountLink(form));
            }
            if (method.equals("POST") && path.equals("/v1/customers")) {
                return ok(customer(form, key));
            }
            if (method.equals("POST") && path.equals("/v1/setup_intents")) {
                return ok(setupIntent(form, key));
            }
            if (method.equals("POST") && parts.length == 5 && parts[2].equals("payment_methods")
                    && parts[4].equals("attach")) {
                return parts[3].startsWith("pm_unknown") ? missing("payment_method", parts[3])
                        : ok(paymentMethod(parts[3], form.get("customer")));
            }
            String connected = request.getHeader("Stripe-Account");
            long[] balance = connected == null ? new long[3] : BALANCES.getOrDefault(connected, new long[3]);
            if (method.equals("GET") && path.equals("/v1/balance")) {
                return ok(balance(balance));
            }
            if (method.equals("POST") && path.equals("/v1/payouts")) {
                boolean instant = "instant".equals(form.get("method"));
                if (Long.parseLong(form.get("amount")) > balance[instant ? 2 : 0]) {
                    return error(400, "balance_insufficient", "You have insufficient funds in your Stripe account "
                            + "for this transfer. Your card balance is too low. You can use the /v1/balance "
                            + "endpoint to view your Stripe balance (for more details, see "
                            + "stripe.com/docs/api#balance).");
                }
                return ok(payout(form, key));
            }
            return error(404, "resource_missing", "Unrecognized request URL (" + method + ": " + path + ").");
        }

        private static Map<String, Object> createIntent(Map<String, String> form, String key) {
            String id = intentIdFor(key);
            return INTENTS.computeIfAbsent(id, ignored -> {
                Map<String, Object> intent = new LinkedHashMap<>();
                intent.put("id", id);
                intent.put("object", "payment_intent");
                intent.put("amount", Long.parseLong(form.get("amount")));
                intent.put("amount_capturable", 0);
                intent.put("amount_received", 0);
                intent.put("application_fee_amount", form.containsKey("application_fee_amount")
                        ? Long.parseLong(form.get("application_fee_amount")) : null);
                intent.put("automatic_payment_methods", Map.of("allow_redirects", "always", "enabled", true));
                intent.put("canceled_at", null);
                intent.put("cancellation_reason", null);
                intent.put("capture_method", "automatic_async");
                intent.put("client_secret", id + "_secret_" + suffix("secret" + key).substring(0, 16));
                intent.put("confirmation_method", "automatic");
                intent.put("created", Instant.now().getEpochSecond());
                intent.put("currency", form.get("currency"));
                intent.put("description", form.get("description"));
                intent.put("last_payment_error", null);
                intent.put("latest_charge", null);
                intent.put("livemode", false);
                intent.put("metadata", metadata(form));
                intent.put("payment_method", null);
                intent.put("payment_method_types", List.of("card"));
                intent.put("status", "requires_payment_method");
                intent.put("transfer_data", form.containsKey("transfer_data[destination]")
                        ? Map.of("destination", form.get("transfer_data[destination]")) : null);
                intent.put("transfer_group", null);
                return intent;
            });
        }

        private static Map<String, Object> withExpansions(Map<String, Object> intent, String query) {
            Map<String, Object> copy = new LinkedHashMap<>(intent);
            boolean succeeded = "succeeded".equals(intent.get("status"));
            String chargeId = succeeded ? "ch_" + suffix((String) intent.get("id")) : null;
            copy.put("latest_charge", chargeId);
            String decoded = query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8);
            if (succeeded && decoded.contains("expand[]=latest_charge") || succeeded && decoded.contains("expand[0]=latest_charge")) {
                Map<String, Object> charge = new LinkedHashMap<>();
                charge.put("id", chargeId);
                charge.put("object", "charge");
                charge.put("amount", intent.get("amount"));
                charge.put("amount_captured", intent.get("amount"));
                charge.put("amount_refunded", 0);
                charge.put("currency", intent.get("currency"));
                charge.put("paid", true);
                charge.put("payment_intent", intent.get("id"));
                charge.put("status", "succeeded");
                charge.put("transfer", intent.get("transfer_data") == null ? null
                        : "tr_" + suffix("transfer" + intent.get("id")));
                charge.put("transfer_data", intent.get("transfer_data"));
                copy.put("latest_charge", charge);
            }
            return copy;
        }

        private static Map<String, Object> refund(Map<String, String> form, String key) {
            Map<String, Object> intent = INTENTS.get(form.get("payment_intent"));
            Map<String, Object> refund = new LinkedHashMap<>();
            refund.put("id", "re_" + suffix(key));
            refund.put("object", "refund");
            refund.put("amount", Long.parseLong(form.getOrDefault("amount",
                    String.valueOf(intent == null ? 0 : intent.get("amount")))));
            refund.put("charge", "ch_" + suffix(form.get("payment_intent")));
            refund.put("created", Instant.now().getEpochSecond());
            refund.put("currency", intent == null ? "eur" : intent.get("currency"));
            refund.put("metadata", metadata(form));
            refund.put("payment_intent", form.get("payment_intent"));
            refund.put("reason", null);
            refund.put("status", "succeeded");
            refund.put("transfer_reversal", "true".equals(form.get("reverse_transfer"))
                    ? "trr_" + suffix("reversal" + key) : null);
            return refund;
        }

        private static Map<String, Object> account(Map<String, String> form, String key) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("id", "acct_" + suffix(key).substring(0, 16));
            account.put("object", "account");
            account.put("business_type", null);
            account.put("capabilities", Map.of("card_payments", "inactive", "transfers", "inactive"));
            account.put("charges_enabled", false);
            account.put("country", form.get("country"));
            account.put("created", Instant.now().getEpochSecond());
            account.put("default_currency", "eur");
            account.put("details_submitted", false);
            account.put("email", form.get("email"));
            account.put("metadata", metadata(form));
            account.put("payouts_enabled", false);
            account.put("type", form.get("type"));
            return account;
        }

        private static Map<String, Object> accountLink(Map<String, String> form) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("object", "account_link");
            link.put("created", Instant.now().getEpochSecond());
            link.put("expires_at", Instant.now().plusSeconds(300).getEpochSecond());
            link.put("url", "https://connect.stripe.com/setup/e/" + form.get("account") + "/"
                    + suffix(form.get("account") + System.nanoTime()).substring(0, 12));
            return link;
        }

        private static Map<String, Object> customer(Map<String, String> form, String key) {
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", "cus_" + suffix(key).substring(0, 14));
            customer.put("object", "customer");
            customer.put("address", null);
            customer.put("balance", 0);
            customer.put("created", Instant.now().getEpochSecond());
            customer.put("currency", null);
            customer.put("default_source", null);
            customer.put("delinquent", false);
            customer.put("description", null);
            customer.put("email", form.get("email"));
            customer.put("invoice_settings", Map.of("custom_fields", List.of(), "footer", "",
                    "rendering_options", Map.of()));
            customer.put("livemode", false);
            customer.put("metadata", metadata(form));
            customer.put("name", null);
            customer.put("preferred_locales", List.of());
            customer.put("shipping", null);
            customer.put("tax_exempt", "none");
            return customer;
        }

        private static Map<String, Object> setupIntent(Map<String, String> form, String key) {
            String id = "seti_" + suffix(key);
            Map<String, Object> intent = new LinkedHashMap<>();
            intent.put("id", id);
            intent.put("object", "setup_intent");
            intent.put("application", null);
            intent.put("automatic_payment_methods", Map.of("allow_redirects", "always", "enabled", true));
            intent.put("cancellation_reason", null);
            intent.put("client_secret", id + "_secret_" + suffix("secret" + key).substring(0, 16));
            intent.put("created", Instant.now().getEpochSecond());
            intent.put("customer", form.get("customer"));
            intent.put("description", null);
            intent.put("last_setup_error", null);
            intent.put("latest_attempt", null);
            intent.put("livemode", false);
            intent.put("metadata", metadata(form));
            intent.put("next_action", null);
            intent.put("payment_method", null);
            intent.put("payment_method_types", List.of("card"));
            intent.put("single_use_mandate", null);
            intent.put("status", "requires_payment_method");
            intent.put("usage", form.getOrDefault("usage", "off_session"));
            return intent;
        }

        private static Map<String, Object> paymentMethod(String id, String customer) {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("brand", "visa");
            card.put("checks", Map.of("address_line1_check", "unchecked", "cvc_check", "pass"));
            card.put("country", "DE");
            card.put("exp_month", 12);
            card.put("exp_year", 2034);
            card.put("fingerprint", suffix(id).substring(0, 16));
            card.put("funding", "credit");
            card.put("last4", "4242");
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("id", id);
            method.put("object", "payment_method");
            method.put("billing_details", Map.of("address", Map.of(), "email", "", "name", "", "phone", ""));
            method.put("card", card);
            method.put("created", Instant.now().getEpochSecond());
            method.put("customer", customer);
            method.put("livemode", false);
            method.put("metadata", Map.of());
            method.put("type", "card");
            return method;
        }

        private static Map<String, Object> balance(long[] amounts) {
            Map<String, Object> balance = new LinkedHashMap<>();
            balance.put("object", "balance");
            balance.put("available", List.of(funds(amounts[0])));
            balance.put("connect_reserved", List.of(funds(0)));
            balance.put("instant_available", List.of(funds(amounts[2])));
            balance.put("livemode", false);
            balance.put("pending", List.of(funds(amounts[1])));
            return balance;
        }

        private static Map<String, Object> funds(long amount) {
            return Map.of("amount", amount, "currency", "eur", "source_types", Map.of("card", amount));
        }

        private static Map<String, Object> payout(Map<String, String> form, String key) {
            Map<String, Object> payout = new LinkedHashMap<>();
            payout.put("id", "po_" + suffix(key));
            payout.put("object", "payout");
            payout.put("amount", Long.parseLong(form.get("amount")));
            payout.put("arrival_date", Instant.now().plusSeconds("instant".equals(form.get("method")) ? 0 : 172800)
                    .getEpochSecond());
            payout.put("automatic", false);
            payout.put("balance_transaction", "txn_" + suffix("txn" + key));
            payout.put("created", Instant.now().getEpochSecond());
            payout.put("currency", form.get("currency"));
            payout.put("description", null);
            payout.put("destination", "ba_" + suffix("bank" + key));
            payout.put("failure_balance_transaction", null);
            payout.put("failure_code", null);
            payout.put("failure_message", null);
            payout.put("livemode", false);
            payout.put("metadata", metadata(form));
            payout.put("method", form.getOrDefault("method", "standard"));
            payout.put("source_type", "card");
            payout.put("statement_descriptor", null);
            payout.put("status", "pending");
            payout.put("type", "bank_account");
            return payout;
        }

        private static Map<String, String> metadata(Map<String, String> form) {
            Map<String, String> metadata = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("metadata[") && k.endsWith("]")) {
                    metadata.put(k.substring("metadata[".length(), k.length() - 1), v);
                }
            });
            return metadata;
        }

        private static ResponseDefinition ok(Map<String, Object> body) {
            return json(200, body);
        }

        private static ResponseDefinition missing(String type, String id) {
            return error(404, "resource_missing", "No such " + type + ": '" + id + "'");
        }

        private static ResponseDefinition error(int status, String code, String message) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
            error.put("message", message);
            error.put("type", "invalid_request_error");
            return json(status, Map.of("error", error));
        }

        /** What Stripe answers while it has an incident: the SDK reports it as a server error, to be retried. */
        private static ResponseDefinition unavailable() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", "An unknown error occurred");
            error.put("type", "api_error");
            return json(503, Map.of("error", error));
        }

        private static ResponseDefinition json(int status, Object body) {
            return new ResponseDefinitionBuilder().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_standin" + System.nanoTime())
                    .withBody(JSON.writeValueAsString(body)).build();
        }

        private static String suffix(String key) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest).substring(0, 24);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
