package com.delivery.kit.web.input;

/**
 * Strict UTF-8 (RFC 3629, Unicode table 3-7), checked byte by byte so a body can be validated while it streams:
 * refuses bytes that never occur in UTF-8 ({@code C0}, {@code C1}, {@code F5..FF}), stray continuation bytes,
 * overlong forms ({@code C0 A2} for {@code "}), encoded surrogates ({@code ED A0 80}), code points above U+10FFFF and
 * sequences cut off at the end. Feed bytes with {@link #accept(int)}, then call {@link #complete()} at the end.
 */
public final class Utf8 {

    private int remaining;
    private int low = 0x80;
    private int high = 0xBF;
    private long offset;

    /** @return false if {@code b} (0..255) cannot follow the bytes before it */
    public boolean accept(int b) {
        offset++;
        if (remaining > 0) {
            if (b < low || b > high) {
                return false;
            }
            remaining--;
            low = 0x80;
            high = 0xBF;
            return true;
        }
        if (b < 0x80) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            remaining = 1;
        } else if (b == 0xE0) {
            remaining = 2;
            low = 0xA0;
        } else if (b >= 0xE1 && b <= 0xEC || b == 0xEE || b == 0xEF) {
            remaining = 2;
        } else if (b == 0xED) {
            remaining = 2;
            high = 0x9F;
        } else if (b == 0xF0) {
            remaining = 3;
            low = 0x90;
        } else if (b >= 0xF1 && b <= 0xF3) {
            remaining = 3;
        } else if (b == 0xF4) {
            remaining = 3;
            high = 0x8F;
        } else {
            return false;
        }
        return true;
    }

    /** @return false if the bytes so far end inside a sequence */
    public boolean complete() {
        return remaining == 0;
    }

    /** Bytes accepted so far, the refused one included (its 1-based position). */
    public long offset() {
        return offset;
    }

    /** Whether all of {@code bytes} is strict UTF-8. */
    public static boolean isValid(byte[] bytes, int from, int to) {
        Utf8 check = new Utf8();
        for (int i = from; i < to; i++) {
            if (!check.accept(bytes[i] & 0xFF)) {
                return false;
            }
        }
        return check.complete();
    }

    public static boolean isValid(byte[] bytes) {
        return isValid(bytes, 0, bytes.length);
    }
}
