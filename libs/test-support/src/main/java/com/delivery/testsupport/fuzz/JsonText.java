package com.delivery.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree of plain Java values ({@code Map}, {@code List}, {@code String}, {@code Number},
 * {@code Boolean}, {@code null}) to bytes, including what a JSON library would refuse to write: lone surrogates and
 * NUL as {@code \\u} escapes, and {@link Raw} bytes spliced in as they are (overlong UTF-8, {@code 1e999}, ...).
 */
public final class JsonText {

    private JsonText() {
    }

    /** Bytes that go into the document unchanged, in place of a value. */
    public record Raw(byte[] bytes) {

        public static Raw of(String ascii) {
            return new Raw(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** A JSON string whose content is {@code before}, the raw {@code bytes}, then {@code after}. */
        public static Raw string(String before, byte[] bytes, String after) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write('"');
            out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
            out.write('"');
            return new Raw(out.toByteArray());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Raw raw && Arrays.equals(bytes, raw.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "raw(" + HexFormat.of().formatHex(bytes) + ")";
        }
    }

    /** @param asciiOnly escape every non-ASCII character as {@code \\uXXXX} instead of writing UTF-8 */
    public static byte[] write(Object value, boolean asciiOnly) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value, asciiOnly);
        return out.toByteArray();
    }

    /** Readable text of the document for reports (raw bytes shown in hex). */
    public static String describe(Object value) {
        StringBuilder text = new StringBuilder();
        describe(text, value);
        return text.length() > 2000 ? text.substring(0, 2000) + "...(" + text.length() + " chars)" : text.toString();
    }

    private static void write(ByteArrayOutputStream out, Object value, boolean asciiOnly) {
        switch (value) {
            case null -> out.writeBytes("null".getBytes(StandardCharsets.US_ASCII));
            case Raw raw -> out.writeBytes(raw.bytes());
            case String text -> string(out, text, asciiOnly);
            case Boolean bool -> out.writeBytes(bool.toString().getBytes(StandardCharsets.US_ASCII));
            case Number number -> out.writeBytes(number.toString().getBytes(StandardCharsets.US_ASCII));
            case Map<?, ?> map -> {
                out.write('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    string(out, String.valueOf(entry.getKey()), asciiOnly);
                    out.write(':');
                    write(out, entry.getValue(), asciiOnly);
                }
                out.write('}');
            }
            case List<?> list -> {
                out.write('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    write(out, list.get(i), asciiOnly);
                }
                out.write(']');
            }
            default -> string(out, value.toString(), asciiOnly);
        }
    }

    private static void string(ByteArrayOutputStream out, String text, boolean asciiOnly) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                json.append(String.format("\\u%04x", (int) c));
            } else if (c < 0x7F) {
                json.append(c);
            } else if (asciiOnly || Character.isSurrogate(c) && !pairedAt(text, i)) {
                json.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)) {
                json.append(c).append(text.charAt(++i));
            } else {
                json.append(c);
            }
        }
        json.append('"');
        out.writeBytes(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static void describe(StringBuilder text, Object value) {
        switch (value) {
            case null -> text.append("null");
            case Raw raw -> text.append(raw);
            case String s -> {
                text.append('"');
                for (char c : s.toCharArray()) {
                    text.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
                text.append('"');
            }
            case Map<?, ?> map -> {
                text.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    text.append(first ? "" : ",");
                    first = false;
                    describe(text, String.valueOf(entry.getKey()));
                    text.append(':');
                    describe(text, entry.getValue());
                }
                text.append('}');
            }
            case List<?> list -> {
                text.append('[');
                for (int i = 0; i < list.size(); i++) {
                    text.append(i > 0 ? "," : "");
                    describe(text, list.get(i));
                }
                text.append(']');
            }
            default -> text.append(value);
        }
    }
}
