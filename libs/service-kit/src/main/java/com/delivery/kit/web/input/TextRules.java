package com.delivery.kit.web.input;

/**
 * What text the platform accepts anywhere in a request: no NUL (U+0000; PostgreSQL refuses it in text) and no
 * unpaired surrogate (UTF-16 halves that are not a character; they would be stored as {@code ?}). Everything else
 * is kept exactly as sent.
 */
public final class TextRules {

    public static final String NUL = "must not contain the NUL character (U+0000)";
    public static final String LONE_SURROGATE = "must be valid Unicode text (it contains an unpaired surrogate)";

    private TextRules() {
    }

    /** @return null when {@code text} is acceptable, else what is wrong with it */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return LONE_SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }
}
