package com.delivery.testsupport.fuzz;

import com.delivery.testsupport.fuzz.JsonText.Raw;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The generators of the fuzz test: plausible values from an OpenAPI schema (so a request gets past the first
 * checks and reaches deeper code), and the hostile things to put in their place: NUL, unpaired surrogates,
 * overlong and other invalid UTF-8 bytes, fractions and strings where integers belong, numbers too big for any
 * type, wrong JSON types, deep nesting, unknown enum values, non-http URLs, malformed percent-encoding.
 */
public final class HostileInput {

    /** Bytes that are not UTF-8: overlong forms, encoded surrogates, beyond U+10FFFF, stray and cut-off bytes. */
    public static final List<byte[]> INVALID_UTF8 = hex("c0a2", "c1bf", "e080af", "f08080af", "eda080", "edbfbf",
            "f4908080", "f5808080", "ff", "fe", "80", "bf", "e282", "c3");

    static final List<String> HOSTILE_STRINGS = List.of("a\u0000b", "\u0000", "x\ud800y", "x\udc00y", "\ud800",
            "\udbff", "\udc00\ud800", "javascript:alert(1)", "JAVASCRIPT:alert(document.cookie)",
            "data:text/html,<script>alert(1)</script>", "", " ", "\t\n\r", "%00", "%C0%A2", "\\u0000", "${jndi:ldap://x}",
            "<script>alert(1)</script>", "' OR '1'='1' --", "\u202eevil", "\ufeff", "\uffff", "Zoë 😀 \u0301",
            "a".repeat(5000), "12.5", "-1", "NaN", "Infinity", "null", "true", "[]", "{}", "../../etc/passwd",
            "\\", "\"", "𝕏".repeat(300));

    static final List<Object> HOSTILE_NUMBERS = List.of(12.5, 1.5, -1, 0, -0.0, 1.0, 0.1, 89.9, -90, 180.0001, 2147483648L,
            -2147483649L, Long.MAX_VALUE, Long.MIN_VALUE, new BigInteger("99999999999999999999999"),
            new BigInteger("-9223372036854775809"), Raw.of("1e999"), Raw.of("-1e999"), Raw.of("1e-999"), Raw.of("1E+2"),
            Raw.of("1" + "0".repeat(1200)), Raw.of("0." + "1".repeat(500)), Raw.of("-0"), Raw.of("01"),
            Raw.of("1.5e300"), "12", "1.5", "NaN", "Infinity", "-Infinity", "", "0x10");

    static final List<Object> WRONG_TYPES = List.of(true, false, List.of(), Map.of(), List.of(1, 2),
            Map.of("a", 1), "text", 0, Raw.of("null"), List.of(List.of(List.of())), Map.of("value", Map.of()));

    /** Path ids that are no UUID, or are only in disguise. */
    static final List<String> HOSTILE_IDS = List.of("not-a-uuid", "%00", "a%00b", "%C0%A2", "%ED%A0%80", "%FF",
            "%E2%82", "12.5", "-1", "0", "99999999999999999999999", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "%20", "..", "%2e%2e", "%2F", "a;b=c", "%3B", "x".repeat(300),
            "NaN", "null", "undefined", "%7B%7D", "%F0%9F%98%80", "%EF%BF%BF", "%25", "%u0000");

    /** Query values: malformed or invalid percent-encoding, NUL, non-numbers and huge numbers. */
    static final List<String> HOSTILE_QUERY_VALUES = List.of("%00", "a%00b", "%C0%A2", "%ED%A0%80", "%FF", "%E2%82",
            "%ZZ", "%", "%%", "%5", "1.5", "12.5", "abc", "-1", "0", "99999999999999999999", "NaN", "Infinity",
            "-Infinity", "1e999", "0x1p3", "", "+", "%20", "%2F..%2F", "%3Cscript%3E", "NOT_A_VALUE", "true", "null",
            "x".repeat(2000), "2026-13-45", "2026-02-30T25:61:00Z", "yesterday", "%F0%9F%98%80", "%E2%80%AE",
            "%EF%BB%BF", "a,b,,c", "[]");

    private final OpenApiDocument document;

    HostileInput(OpenApiDocument document) {
        this.document = document;
    }

    // ---- plausible values ---------------------------------------------------------------------------------------

    /** A value the schema allows, with names guiding the choice (an email where the field is called email, ...). */
    Object plausible(JsonNode rawSchema, String name, SplittableRandom random, int depth) {
        JsonNode schema = document.resolve(rawSchema);
        if (schema == null || schema.isMissingNode()) {
            return "x";
        }
        if (schema.has("enum")) {
            JsonNode values = schema.path("enum");
            return values.size() == 0 ? "x" : values.get(random.nextInt(values.size())).asString();
        }
        for (String alternative : List.of("oneOf", "anyOf")) {
            if (schema.has(alternative) && schema.path(alternative).size() > 0) {
                JsonNode options = schema.path(alternative);
                return plausible(options.get(random.nextInt(options.size())), name, random, depth);
            }
        }
        String type = schema.path("type").asString("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth > 6) {
                    return object;
                }
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asString()));
                schema.path("properties").properties().forEach(property -> {
                    if (required.contains(property.getKey()) || random.nextInt(10) < 7) {
                        object.put(property.getKey(), plausible(property.getValue(), property.getKey(), random, depth + 1));
                    }
                });
                JsonNode additional = schema.path("additionalProperties");
                if (additional.isObject()) {
                    for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                        object.put(i == 0 ? "general" : "key" + random.nextInt(100),
                                plausible(additional, "value", random, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                if (lower.equals("coordinates")) {
                    return polygon(random);
                }
                int min = schema.path("minItems").asInt(0);
                int max = Math.max(Math.max(min, 1), Math.min(schema.path("maxItems").asInt(3), 3));
                int size = Math.max(min == 0 && random.nextInt(5) > 0 ? 1 : min, min + random.nextInt(max - min + 1));
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < size && depth <= 6; i++) {
                    list.add(plausible(schema.path("items"), singular(name), random, depth + 1));
                }
                return list;
            }
            case "integer" -> {
                long min = schema.has("minimum") ? schema.path("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.path("maximum").asLong() : Math.max(min, 100);
                long value = min + (max > min ? random.nextLong(Math.min(max - min, 1000) + 1) : 0);
                return "int32".equals(schema.path("format").asString("")) ? (Object) (int) value : (Object) value;
            }
            case "number" -> {
                if (lower.contains("lat")) {
                    return -84.9 + random.nextDouble() * 4;
                }
                if (lower.contains("lng") || lower.contains("lon")) {
                    return -179.0 + random.nextDouble() * 10;
                }
                double min = schema.has("minimum") ? schema.path("minimum").asDouble() : 0;
                double max = schema.has("maximum") ? schema.path("maximum").asDouble() : min + 100;
                return Math.round((min + random.nextDouble() * (max - min)) * 100) / 100.0;
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            default -> {
                return plausibleString(schema, lower, random);
            }
        }
    }

    private static Object polygon(SplittableRandom random) {
        double lat = -84 + random.nextDouble();
        double lng = -170 + random.nextDouble() * 20;
        List<Object> ring = new ArrayList<>();
        for (double[] corner : new double[][] {{0, 0}, {0, 0.01}, {0.01, 0.01}, {0.01, 0}, {0, 0}}) {
            ring.add(List.of(lng + corner[1], lat + corner[0]));
        }
        return copy(List.of(ring));
    }

    private static String plausibleString(JsonNode schema, String name, SplittableRandom random) {
        String format = schema.path("format").asString("");
        switch (format) {
            case "uuid" -> {
                return uuid(random).toString();
            }
            case "date" -> {
                return LocalDate.now().plusDays(random.nextInt(-30, 400)).toString();
            }
            case "date-time" -> {
                return Instant.now().plus(random.nextInt(-3000, 3000), ChronoUnit.MINUTES).toString();
            }
            case "email" -> {
                return "fuzz-" + uuid(random).toString().substring(0, 12) + "@example.com";
            }
            case "uri", "url" -> {
                return "https://cdn.example.com/" + random.nextInt(1000) + ".png";
            }
            default -> {
            }
        }
        String pattern = schema.path("pattern").asString("");
        if (!pattern.isEmpty()) {
            Pattern compiled;
            try {
                compiled = Pattern.compile(pattern);
            } catch (RuntimeException e) {
                compiled = null;
            }
            for (String candidate : List.of("EUR", "+4915112345678", "en", "de-DE", "Polygon", "B-DX 1234", "abc",
                    "ABC123", "12345", "pm_card_visa", "acct_123")) {
                if (compiled != null && compiled.matcher(candidate).matches()) {
                    return candidate;
                }
            }
        }
        String value;
        if (name.contains("email")) {
            value = "fuzz-" + uuid(random).toString().substring(0, 12) + "@example.com";
        } else if (name.contains("url")) {
            value = "https://cdn.example.com/" + random.nextInt(1000) + ".png";
        } else if (name.contains("password")) {
            value = "Correct-horse-" + random.nextInt(100, 999);
        } else if (name.equals("timezone") || name.equals("zone")) {
            value = random.nextBoolean() ? "Europe/Berlin" : "UTC";
        } else if (name.equals("currency")) {
            value = "EUR";
        } else if (name.equals("ts")) {
            value = String.valueOf(System.currentTimeMillis());
        } else if (name.equals("from") || name.equals("to")) {
            value = LocalDate.now().plusDays(name.equals("to") ? 1 : -7).toString();
        } else if (name.contains("phone")) {
            value = "+4915112345678";
        } else {
            String[] words = {"Pizza", "Zoë", "Straße 1", "café", "Fuzz", "北京", "😀", "Ab"};
            value = words[random.nextInt(words.length)] + " " + random.nextInt(1000);
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        int min = schema.path("minLength").asInt(0);
        if (value.length() > max) {
            value = value.substring(0, max);
        }
        while (value.length() < min) {
            value = value + "x";
        }
        return value;
    }

    private static String singular(String name) {
        return name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    // ---- hostile values ---------------------------------------------------------------------------------------

    /** Something to put where a plausible value was. */
    Object hostile(Object plausible, SplittableRandom random) {
        return copy(anyHostile(plausible, random));
    }

    private Object anyHostile(Object plausible, SplittableRandom random) {
        int kind = random.nextInt(10);
        if (plausible instanceof String text && kind < 6) {
            return switch (random.nextInt(4)) {
                case 0 -> text + "\u0000";
                case 1 -> pick(HOSTILE_STRINGS, random);
                case 2 -> Raw.string(prefix(text), pick(INVALID_UTF8, random), "y");
                default -> random.nextBoolean() ? text.substring(0, text.length() / 2) + "\ud800" : "x\udfff" + text;
            };
        }
        if (plausible instanceof Number && kind < 6) {
            return pick(HOSTILE_NUMBERS, random);
        }
        return switch (kind) {
            case 6 -> pick(WRONG_TYPES, random);
            case 7 -> pick(HOSTILE_NUMBERS, random);
            case 8 -> Raw.of("[".repeat(random.nextInt(50, 3000)) + "]".repeat(random.nextBoolean() ? 1 : 0));
            default -> pick(HOSTILE_STRINGS, random);
        };
    }

    /** The plausible tree with a few of its values (or whole branches) replaced, removed or added. */
    Object mutate(Object tree, SplittableRandom random) {
        Object copy = copy(tree);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            copy = mutateOnce(copy, random);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private Object mutateOnce(Object tree, SplittableRandom random) {
        List<Object[]> slots = new ArrayList<>();
        collect(tree, slots);
        if (slots.isEmpty() || random.nextInt(12) == 0) {
            return hostile(tree, random);
        }
        Object[] slot = slots.get(random.nextInt(slots.size()));
        Object container = slot[0];
        Object key = slot[1];
        if (container instanceof Map<?, ?> map) {
            Map<String, Object> object = (Map<String, Object>) map;
            switch (random.nextInt(8)) {
                case 0 -> object.remove(key);
                case 1 -> object.put(pick(List.of("unknownField", "__proto__", "a\u0000b", "x\ud800", "constructor",
                        ""), random), hostile("x", random));
                default -> object.put((String) key, hostile(object.get(key), random));
            }
        } else if (container instanceof List<?> list) {
            List<Object> array = (List<Object>) list;
            int index = (Integer) key;
            switch (random.nextInt(6)) {
                case 0 -> array.remove(index);
                case 1 -> {
                    for (int i = 0, n = random.nextInt(1, 200); i < n; i++) {
                        array.add(copy(array.get(0)));
                    }
                }
                default -> array.set(index, hostile(array.get(index), random));
            }
        }
        return tree;
    }

    private static void collect(Object node, List<Object[]> slots) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                slots.add(new Object[] {map, key});
                collect(map.get(key), slots);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                slots.add(new Object[] {list, i});
                collect(list.get(i), slots);
            }
        }
    }

    /** Any JSON value of a random shape, hostile values at the leaves. */
    Object randomShape(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 7);
        return switch (kind) {
            case 0 -> pick(HOSTILE_STRINGS, random);
            case 1 -> pick(HOSTILE_NUMBERS, random);
            case 2 -> pick(WRONG_TYPES, random);
            case 3 -> random.nextBoolean() ? null : uuid(random).toString();
            case 4, 5 -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0, n = random.nextInt(5); i < n; i++) {
                    object.put(random.nextBoolean() ? "k" + i : pick(HOSTILE_STRINGS, random), randomShape(random, depth + 1));
                }
                yield object;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0, n = random.nextInt(5); i < n; i++) {
                    list.add(randomShape(random, depth + 1));
                }
                yield list;
            }
        };
    }

    /** Whole bodies that are not JSON of any expected shape, as bytes. */
    static byte[] brokenBody(SplittableRandom random) {
        return switch (random.nextInt(16)) {
            case 0 -> new byte[0];
            case 1 -> "{".getBytes(StandardCharsets.US_ASCII);
            case 2 -> "null".getBytes(StandardCharsets.US_ASCII);
            case 3 -> "[]".getBytes(StandardCharsets.US_ASCII);
            case 4 -> "{\"a\":}".getBytes(StandardCharsets.US_ASCII);
            case 5 -> "{}{}".getBytes(StandardCharsets.US_ASCII);
            case 6 -> "{} trailing".getBytes(StandardCharsets.US_ASCII);
            case 7 -> "/* comment */ {}".getBytes(StandardCharsets.US_ASCII);
            case 8 -> ("[".repeat(random.nextInt(400, 5000))).getBytes(StandardCharsets.US_ASCII);
            case 9 -> ("{\"a\":".repeat(random.nextInt(400, 3000))).getBytes(StandardCharsets.US_ASCII);
            case 10 -> "\"just a string\"".getBytes(StandardCharsets.US_ASCII);
            case 11 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.US_ASCII);
            case 12 -> "{\"x\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8);
            case 13 -> "{'single':'quotes'}".getBytes(StandardCharsets.US_ASCII);
            case 14 -> "{\"n\":NaN}".getBytes(StandardCharsets.US_ASCII);
            default -> {
                byte[] bytes = new byte[random.nextInt(1, 64)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                yield bytes;
            }
        };
    }

    /** A plausible query or path value for the parameter's schema, as it goes into the URL (percent-encoded). */
    String plausibleParameter(OpenApiDocument.Parameter parameter, SplittableRandom random) {
        JsonNode schema = document.resolve(parameter.schema());
        if ("array".equals(schema.path("type").asString(""))) {
            schema = document.resolve(schema.path("items"));
        }
        Object value = plausible(schema, parameter.name(), random, 0);
        return encode(String.valueOf(value));
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A version 4 UUID from the seeded random, so a replayed run sends the same ids. */
    static UUID uuid(SplittableRandom random) {
        long most = random.nextLong() & ~0xF000L | 0x4000L;
        long least = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(most, least);
    }

    static <T> T pick(List<T> options, SplittableRandom random) {
        return options.get(random.nextInt(options.size()));
    }

    private static String prefix(String text) {
        return text.length() > 20 ? text.substring(0, 20) : text;
    }

    @SuppressWarnings("unchecked")
    static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return node;
    }

    private static List<byte[]> hex(String... values) {
        return java.util.Arrays.stream(values).map(HexFormat.of()::parseHex).toList();
    }
}
