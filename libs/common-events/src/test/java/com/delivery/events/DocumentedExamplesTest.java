package com.delivery.events;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/EVENTS.md is the contract people read; this keeps its examples and field tables equal to the code. */
class DocumentedExamplesTest {

    private static final Path EVENTS_MD = Path.of("../../docs/EVENTS.md");
    private static final Pattern SECTION = Pattern.compile("(?m)^### `([a-z._]+)`$");
    private static final Pattern JSON_BLOCK = Pattern.compile("(?s)```json\\n(.*?)\\n```");
    private static final Pattern FIELD_ROW = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|");

    private static Map<String, String> sections;

    @BeforeAll
    static void readTheDocs() throws IOException {
        String markdown = Files.readString(EVENTS_MD, StandardCharsets.UTF_8);
        sections = new LinkedHashMap<>();
        Matcher heading = SECTION.matcher(markdown);
        List<int[]> bounds = new ArrayList<>();
        List<String> types = new ArrayList<>();
        while (heading.find()) {
            types.add(heading.group(1));
            bounds.add(new int[] {heading.end(), 0});
        }
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : markdown.length();
            sections.put(types.get(i), markdown.substring(bounds.get(i)[0], end));
        }
    }

    @Test
    void everyEventTypeHasItsOwnSection() {
        assertThat(sections.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theExampleIsExactlyWhatTheCodecWritesForTheSample(EventType type) {
        Matcher json = JSON_BLOCK.matcher(sections.get(type.type()));
        assertThat(json.find()).as("a json example in the section of %s", type.type()).isTrue();
        EventEnvelope<EventPayload> sample = SampleEvents.envelope(type);

        assertThat(EventCodec.mapper().readTree(json.group(1)))
                .isEqualTo(EventCodec.mapper().readTree(EventCodec.encode(sample)));
        assertThat(EventCodec.decode(json.group(1))).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theFieldTableListsThePayloadFieldsInOrder(EventType type) {
        Matcher row = FIELD_ROW.matcher(sections.get(type.type()));
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented).containsExactlyElementsOf(
                Arrays.stream(type.payloadType().getRecordComponents()).map(RecordComponent::getName).toList());
    }
}
