package com.delivery.testsupport.fuzz;

import com.delivery.testsupport.TestTokens;
import com.delivery.testsupport.fuzz.OpenApiDocument.Operation;
import com.delivery.testsupport.fuzz.OpenApiDocument.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based fuzzing of a running service through its published OpenAPI document: every operation gets
 * generated requests (plausible bodies with hostile values spliced in, bodies of random shapes or no JSON at all,
 * hostile path ids and query values, odd content types) with a valid token of a plausible role, and every answer
 * must hold the platform's promise: <b>never a 5xx; every 4xx an RFC 9457 {@code application/problem+json} whose
 * {@code status} is the real one; no stack trace or class name anywhere.</b>
 *
 * <p>Random by default; a failure names its seed, and {@code -Dfuzz.seed=<seed>} replays the run
 * ({@code -Dfuzz.tries=<n>} changes its length). A failing request is shrunk (members and parameters dropped while it
 * still fails) before it is reported.
 */
public final class ApiFuzzer {

    /** The token for one request (without "Bearer "), or null to send none. */
    @FunctionalInterface
    public interface Tokens {
        String tokenFor(Operation operation, UUID self, SplittableRandom random);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ROLES = List.of("CUSTOMER", "VENDOR", "DRIVER", "ADMIN");
    private static final List<String> LEAKS = List.of("\tat ", "at java.", "at org.", "at com.", ".java:",
            "Exception:", "Caused by", "org.springframework", "tools.jackson", "com.fasterxml", "java.lang.",
            "jakarta.", "org.hibernate", "org.postgresql", "SQLState", "SQL [", "org.apache");
    private static final int MAX_SHRINK_SENDS = 40;
    private static final String NOT_A_JWT = "not.a.jwt";

    private final String service;
    private final OpenApiDocument document;
    private final HostileInput input;
    private final RawHttp http;
    private int tries = Integer.getInteger("fuzz.tries", 250);
    private long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private Tokens tokens = ApiFuzzer::plausibleToken;
    private Predicate<Operation> skip = operation -> false;
    private final Map<String, Supplier<String>> knownIds = new HashMap<>();

    private ApiFuzzer(String service, int port) {
        this.service = service;
        this.document = OpenApiDocument.of(service);
        this.input = new HostileInput(document);
        this.http = new RawHttp("127.0.0.1", port, 30_000, ownLoopbackAddress(seed));
    }

    /**
     * Another loopback address than the other tests' 127.0.0.1 where the system has one (Linux routes all of
     * 127/8), so the fuzz traffic never uses up their per-address rate limits or login allowances.
     */
    private static InetAddress ownLoopbackAddress(long seed) {
        try {
            InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0,
                    (byte) (2 + Math.floorMod(seed, 250))});
            try (Socket probe = new Socket()) {
                probe.bind(new InetSocketAddress(address, 0));
            }
            return address;
        } catch (IOException e) {
            return null;
        }
    }

    /** Fuzzes the service listening on {@code port} through {@code docs/api/<service>.json}. */
    public static ApiFuzzer of(String service, int port) {
        return new ApiFuzzer(service, port);
    }

    public ApiFuzzer tries(int tries) {
        if (System.getProperty("fuzz.tries") == null) {
            this.tries = tries;
        }
        return this;
    }

    public ApiFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public ApiFuzzer tokens(Tokens tokens) {
        this.tokens = tokens;
        return this;
    }

    /** Leaves out an operation, e.g. one that rebuilds a whole index. */
    public ApiFuzzer skip(String method, String pathTemplate) {
        Predicate<Operation> before = skip;
        skip = operation -> before.test(operation)
                || operation.method().equals(method) && operation.path().equals(pathTemplate);
        return this;
    }

    /** Real ids for a path parameter (sometimes used instead of random ones), so requests reach real rows. */
    public ApiFuzzer knownId(String parameterName, Supplier<String> id) {
        knownIds.put(parameterName, id);
        return this;
    }

    /** The role a path suggests (admin paths ADMIN, driver paths DRIVER, ...), sometimes another or none. */
    public static String plausibleToken(Operation operation, UUID self, SplittableRandom random) {
        String role = plausibleRole(operation, random);
        return role == null || role.equals(NOT_A_JWT) ? role : TestTokens.token(self, role);
    }

    /** {@link #plausibleToken}'s choice of role, with the tokens given per role (a service that issues its own). */
    public static Tokens byRole(Map<String, String> tokensByRole) {
        List<String> known = ROLES.stream().filter(tokensByRole::containsKey).toList();
        return (operation, self, random) -> {
            String role = plausibleRole(operation, random);
            if (role == null || role.equals(NOT_A_JWT)) {
                return role;
            }
            return tokensByRole.getOrDefault(role, tokensByRole.get(HostileInput.pick(known, random)));
        };
    }

    /** Mostly the role the path suggests; one in five another; one in ten no token or a malformed one. */
    private static String plausibleRole(Operation operation, SplittableRandom random) {
        int dice = random.nextInt(20);
        if (dice == 0) {
            return null;
        }
        if (dice == 1) {
            return NOT_A_JWT;
        }
        if (dice < 5) {
            return HostileInput.pick(ROLES, random);
        }
        String path = operation.path();
        return path.contains("/admin/") ? "ADMIN" : path.contains("/drivers") ? "DRIVER"
                : path.contains("/vendors") || path.contains("/menu") ? "VENDOR" : "CUSTOMER";
    }

    // ---- running ------------------------------------------------------------------------------------------------

    /** One generated request, kept as parts so it can be shrunk. */
    record Case(Operation operation, String path, List<String[]> query, Map<String, String> headers, Object body,
            byte[] rawBody, boolean asciiOnly, String contentType, Charset charset) {

        String target() {
            if (query.isEmpty()) {
                return path;
            }
            return path + "?" + query.stream().map(p -> p[1] == null ? p[0] : p[0] + "=" + p[1])
                    .collect(Collectors.joining("&"));
        }

        byte[] bodyBytes() {
            if (rawBody != null) {
                return rawBody;
            }
            if (body == NO_BODY) {
                return null;
            }
            byte[] utf8 = JsonText.write(body, asciiOnly);
            return charset == null || charset.equals(StandardCharsets.UTF_8) ? utf8
                    : new String(utf8, StandardCharsets.UTF_8).getBytes(charset);
        }

        Map<String, String> allHeaders() {
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (contentType != null && bodyBytes() != null) {
                all.put("Content-Type", contentType);
            }
            return all;
        }

        String describe() {
            String target = target();
            StringBuilder text = new StringBuilder(operation.method()).append(' ')
                    .append(target.length() > 300 ? target.substring(0, 300) + "...(" + target.length() + " chars)" : target);
            allHeaders().forEach((k, v) -> text.append("\n  ").append(k).append(": ")
                    .append(k.equals("Authorization") ? v.substring(0, Math.min(v.length(), 20)) + "..." : v));
            if (rawBody != null) {
                text.append("\n  body (bytes): ").append(JsonText.describe(new JsonText.Raw(rawBody)));
            } else if (body != NO_BODY) {
                text.append("\n  body: ").append(JsonText.describe(body)).append(asciiOnly ? " (\\u-escaped)" : "")
                        .append(charset != null ? " (" + charset + ")" : "");
            }
            return text.toString();
        }
    }

    private static final Object NO_BODY = new Object();

    /** What a run found. */
    public record Report(String service, long seed, int tries, long millis, Map<Integer, Integer> statuses,
            List<String> failures) {

        @Override
        public String toString() {
            return "fuzz " + service + ": " + tries + " requests in " + millis + " ms, seed " + seed + " (-Dfuzz.seed=" + seed
                    + " replays), statuses " + statuses + (failures.isEmpty() ? "" : ", " + failures.size()
                    + " failing:\n\n" + String.join("\n\n", failures.subList(0, Math.min(10, failures.size()))));
        }
    }

    /** Runs the tries and fails with every broken promise found (shrunk, with the seed to replay). */
    public Report assertNoBrokenPromises() {
        Report report = run();
        System.out.println(report.failures().isEmpty() ? report : "fuzz " + service + ": seed " + seed + " failed");
        if (!report.failures().isEmpty()) {
            throw new AssertionError(report.toString());
        }
        return report;
    }

    public Report run() {
        List<Operation> operations = document.operations().stream().filter(skip.negate()).toList();
        if (operations.isEmpty()) {
            throw new IllegalStateException("no operations to fuzz in docs/api/" + service + ".json");
        }
        long start = System.nanoTime();
        SplittableRandom master = new SplittableRandom(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            SplittableRandom random = master.split();
            Operation operation = operations.get(i % operations.size());
            Case request = generate(operation, random);
            Outcome outcome = send(request);
            statuses.merge(outcome.status(), 1, Integer::sum);
            if (outcome.broken() != null) {
                Case smallest = shrink(request, outcome);
                Outcome last = send(smallest);
                failures.add("try " + i + ": " + (last.broken() != null ? last : outcome) + "\n  request: "
                        + (last.broken() != null ? smallest : request).describe());
            }
        }
        return new Report(service, seed, tries, (System.nanoTime() - start) / 1_000_000, statuses, failures);
    }

    /** The answer to one request, and which promise it broke (null when none). */
    record Outcome(int status, String broken, String body) {

        @Override
        public String toString() {
            return broken + " (status " + status + ")\n  answer: "
                    + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    Outcome send(Case request) {
        RawHttp.Response response;
        try {
            response = http.send(request.operation().method(), request.target(), request.allHeaders(),
                    request.bodyBytes());
        } catch (UncheckedIOException e) {
            return new Outcome(0, "no answer: " + e.getCause(), "");
        }
        String text = response.text();
        return new Outcome(response.status(), brokenPromise(response, text), text);
    }

    static String brokenPromise(RawHttp.Response response, String text) {
        int status = response.status();
        if (status >= 500) {
            return "server error " + status;
        }
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                return "answer reveals internals (" + leak.trim() + ")";
            }
        }
        if (status < 400) {
            return null;
        }
        String type = response.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return status + " is not application/problem+json but " + type;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(text);
        } catch (RuntimeException e) {
            return "problem body is not JSON";
        }
        if (!problem.isObject() || problem.path("status").asInt() != status || !problem.path("type").isString()) {
            return "problem lacks the real status or a type";
        }
        return null;
    }

    // ---- generating ---------------------------------------------------------------------------------------------

    Case generate(Operation operation, SplittableRandom random) {
        UUID self = HostileInput.uuid(random);
        String path = operation.path();
        for (Parameter parameter : operation.in("path")) {
            path = path.replace("{" + parameter.name() + "}", pathValue(parameter, self, random));
        }
        List<String[]> query = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            if (!parameter.required() && random.nextInt(3) == 0) {
                continue;
            }
            boolean array = "array".equals(parameter.schema().path("type").asString(""));
            for (int n = array ? 1 + random.nextInt(3) : 1, i = 0; i < n; i++) {
                query.add(new String[] {parameter.name(), random.nextInt(4) == 0
                        ? HostileInput.pick(HostileInput.HOSTILE_QUERY_VALUES, random)
                        : input.plausibleParameter(parameter, random)});
            }
        }
        if (random.nextInt(8) == 0) {
            query.add(HostileInput.pick(List.of(new String[] {"%00", "1"}, new String[] {"a%C0%A2", "1"},
                    new String[] {"x%5B%5D", "1"}, new String[] {"", ""}, new String[] {"flag", null},
                    new String[] {"%ZZ", "%ZZ"}, new String[] {"page", "1"}, new String[] {"size", "100000"}), random));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : operation.in("header")) {
            if (random.nextInt(3) > 0) {
                headers.put(parameter.name(), random.nextInt(4) == 0 ? HostileInput.pick(List.of("", "x".repeat(300),
                        "bad key", "../x", "t=1,v1=deadbeef", "%00", "null"), random) : HostileInput.uuid(random).toString());
            }
        }
        String token = tokens.tokenFor(operation, self, random);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return withBody(new Case(operation, path, query, headers, NO_BODY, null, false, null, null), random);
    }

    private String pathValue(Parameter parameter, UUID self, SplittableRandom random) {
        int dice = random.nextInt(6);
        Supplier<String> known = knownIds.get(parameter.name());
        if (dice == 0) {
            return HostileInput.pick(HostileInput.HOSTILE_IDS, random);
        }
        if (dice == 1 && known != null) {
            return known.get();
        }
        if ("uuid".equals(parameter.schema().path("format").asString(""))) {
            return dice <= 3 ? self.toString() : HostileInput.uuid(random).toString();
        }
        return input.plausibleParameter(parameter, random);
    }

    private Case withBody(Case request, SplittableRandom random) {
        Operation operation = request.operation();
        if (operation.body() == null && random.nextInt(10) > 0) {
            return request;
        }
        String contentType = operation.bodyType() == null || operation.bodyType().contains("*")
                ? "application/json" : operation.bodyType();
        Object plausible = operation.body() == null ? Map.of() : input.plausible(operation.body(), "body", random, 0);
        boolean ascii = random.nextBoolean();
        return switch (random.nextInt(12)) {
            case 0, 1, 2, 3, 4 -> with(request, input.mutate(plausible, random), null, ascii, contentType, null);
            case 5 -> with(request, plausible, null, ascii, contentType, null);
            case 6 -> with(request, input.randomShape(random, 0), null, ascii, contentType, null);
            case 7, 8 -> with(request, NO_BODY, HostileInput.brokenBody(random), ascii, contentType, null);
            case 9 -> with(request, plausible, null, false, "application/json;charset=ISO-8859-1",
                    StandardCharsets.ISO_8859_1);
            case 10 -> with(request, plausible, null, false, HostileInput.pick(List.of("application/json;charset=UTF-16",
                    "application/json;charset=bogus"), random), StandardCharsets.UTF_16);
            default -> with(request, plausible, null, ascii, HostileInput.pick(List.of("text/plain",
                    "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                    "application/octet-stream", "application/*", "json", ""), random), null);
        };
    }

    private static Case with(Case request, Object body, byte[] raw, boolean ascii, String contentType,
            Charset charset) {
        return new Case(request.operation(), request.path(), request.query(), request.headers(), body, raw, ascii,
                contentType, charset);
    }

    // ---- shrinking ----------------------------------------------------------------------------------------------

    /** Drops query parameters and body members one by one while the request still breaks the same promise. */
    private Case shrink(Case failing, Outcome original) {
        Case current = failing;
        int sends = 0;
        String kind = kind(original.broken());
        for (int i = current.query().size() - 1; i >= 0 && sends < MAX_SHRINK_SENDS; i--) {
            List<String[]> fewer = new ArrayList<>(current.query());
            fewer.remove(i);
            Case candidate = new Case(current.operation(), current.path(), fewer, current.headers(), current.body(),
                    current.rawBody(), current.asciiOnly(), current.contentType(), current.charset());
            sends++;
            if (kind.equals(kind(send(candidate).broken()))) {
                current = candidate;
            }
        }
        boolean progress = true;
        while (progress && sends < MAX_SHRINK_SENDS && current.rawBody() == null && current.body() != NO_BODY) {
            progress = false;
            List<Object> smaller = smaller(current.body());
            for (Object candidateBody : smaller) {
                if (sends >= MAX_SHRINK_SENDS) {
                    break;
                }
                Case candidate = with(current, candidateBody, null, current.asciiOnly(), current.contentType(),
                        current.charset());
                sends++;
                if (kind.equals(kind(send(candidate).broken()))) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    private static String kind(String broken) {
        return broken == null ? "" : broken.replaceAll("[0-9]+", "N");
    }

    /** Copies of the tree with one member or element left out (biggest branches first), or a branch lifted. */
    @SuppressWarnings("unchecked")
    private static List<Object> smaller(Object tree) {
        List<Object> candidates = new ArrayList<>();
        if (tree instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                Map<String, Object> copy = (Map<String, Object>) HostileInput.copy(map);
                copy.remove(key);
                candidates.add(copy);
            }
            for (Object key : map.keySet()) {
                for (Object child : smaller(map.get(key))) {
                    Map<String, Object> copy = (Map<String, Object>) HostileInput.copy(map);
                    copy.put(String.valueOf(key), child);
                    candidates.add(copy);
                }
            }
        } else if (tree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> copy = (List<Object>) HostileInput.copy(list);
                copy.remove(i);
                candidates.add(copy);
            }
        }
        return candidates;
    }
}
