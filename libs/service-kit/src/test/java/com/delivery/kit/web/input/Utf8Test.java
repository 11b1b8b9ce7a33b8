package com.delivery.kit.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void refusesWhatIsNotStrictUtf8() {
        for (String bad : new String[] {"78c0a279", "c1bf", "e080af", "f08080af", "eda080", "edbfbf", "f4908080",
                "f5808080", "ff", "fe", "80", "bf", "e282", "c3", "f09f98", "c328", "e228a1"}) {
            assertThat(Utf8.isValid(HEX.parseHex(bad))).as(bad).isFalse();
        }
    }

    @Test
    void acceptsEveryWellFormedSequence() {
        for (String good : new String[] {"", "00", "7f", "c280", "dfbf", "e0a080", "efbfbf", "ed9fbf", "ee8080",
                "f0908080", "f48fbfbf", "f09f9880", "efbbbf7b7d"}) {
            assertThat(Utf8.isValid(HEX.parseHex(good))).as(good).isTrue();
        }
    }

    /** Property: for any bytes, the streaming check agrees with the JDK's strict decoder. */
    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        int[] interesting = {0x00, 0x22, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
                0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(9)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256)
                        : interesting[random.nextInt(interesting.length)]);
            }
            assertThat(Utf8.isValid(bytes)).as("seed %d, bytes %s", seed, HEX.formatHex(bytes))
                    .isEqualTo(jdkAccepts(bytes));
        }
    }

    @Test
    void textRulesRefuseNulAndUnpairedSurrogatesOnly() {
        assertThat(TextRules.problem("a\u0000b")).isEqualTo(TextRules.NUL);
        assertThat(TextRules.problem("x\ud800y")).isEqualTo(TextRules.LONE_SURROGATE);
        assertThat(TextRules.problem("x\udc00")).isEqualTo(TextRules.LONE_SURROGATE);
        assertThat(TextRules.problem("\udc00\ud800")).isEqualTo(TextRules.LONE_SURROGATE);
        assertThat(TextRules.problem("\ud800")).isEqualTo(TextRules.LONE_SURROGATE);
        assertThat(TextRules.problem("Zoë \ud83d\ude00 \u202e\t\n")).isNull();
        assertThat(TextRules.problem("")).isNull();
    }

    @Test
    void urlsMustBeWellEncodedUtf8WithoutNul() {
        assertThat(UrlText.checkPath("/api/v1/vendors/abc")).isNull();
        assertThat(UrlText.checkPath("/a/%F0%9F%98%80")).isNull();
        assertThat(UrlText.checkPath("/a/%00")).isEqualTo(new UrlText.Problem("path", TextRules.NUL));
        assertThat(UrlText.checkPath("/a/%C0%A2").message()).isEqualTo(UrlText.NOT_UTF8);
        assertThat(UrlText.checkPath("/a/%ED%A0%80").message()).isEqualTo(UrlText.NOT_UTF8);
        assertThat(UrlText.checkPath("/a/%zz").message()).isEqualTo(UrlText.BAD_ESCAPE);
        assertThat(UrlText.checkPath("/a/%E2%82").message()).isEqualTo(UrlText.NOT_UTF8);
        assertThat(UrlText.checkQuery("q=pizza&page=2&flag")).isNull();
        assertThat(UrlText.checkQuery("q=%F0%9F%98%80+x&&")).isNull();
        assertThat(UrlText.checkQuery("page=1&q=a%00b")).isEqualTo(new UrlText.Problem("q", TextRules.NUL));
        assertThat(UrlText.checkQuery("na%C3%AFve=%C0%A2")).isEqualTo(new UrlText.Problem("naïve", UrlText.NOT_UTF8));
        assertThat(UrlText.checkQuery("a%00=1").field()).isEqualTo("a%00");
        assertThat(UrlText.checkQuery("q=%")).isEqualTo(new UrlText.Problem("q", UrlText.BAD_ESCAPE));
        assertThat(UrlText.checkQuery("=%FF").field()).isEqualTo("query");
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHostAreLinks() {
        assertThat(HttpUrlValidator.isHttpUrl("https://cdn.example.com/pizza.png")).isTrue();
        assertThat(HttpUrlValidator.isHttpUrl("HTTP://example.com:8080/a?b=c#d")).isTrue();
        assertThat(HttpUrlValidator.isHttpUrl("https://my_bucket.s3.example.com/a.png")).isTrue();
        for (String bad : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "data:image/png;base64,AAAA",
                "file:///etc/passwd", "/relative.png", "//cdn.example.com/a.png", "https://", "https:///a.png",
                "https://user:pass@example.com/", "ftp://example.com/a.png", "https://exa mple.com/", "",
                "vbscript:msgbox(1)", " https://example.com/"}) {
            assertThat(HttpUrlValidator.isHttpUrl(bad)).as(bad).isFalse();
        }
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
