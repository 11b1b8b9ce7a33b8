package com.delivery.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published OpenAPI document of a service ({@code docs/api/<service>.json}) must be what the running code serves
 * at {@code /api-docs}. Run the build with {@code -Dopenapi.update=true} to rewrite the documents after an API change,
 * then review the diff like any other.
 */
public final class OpenApiContract {

    public static final String UPDATE_PROPERTY = "openapi.update";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OpenApiContract() {
    }

    /** Compares (or, with {@code -Dopenapi.update=true}, rewrites) the document of {@code service}. */
    public static void check(ApiClient api, String service) {
        ApiClient.Response served = api.get("/api-docs", null);
        assertThat(served.status()).as("GET /api-docs").isEqualTo(200);
        String actual = canonical(JSON.readTree(served.body()));
        Path published = projectRoot().resolve("docs/api/" + service + ".json");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(published, actual);
            return;
        }
        assertThat(published).as("%s is missing; create it with ./mvnw verify -D%s=true", published, UPDATE_PROPERTY)
                .exists();
        assertThat(actual).as("%s differs from what the running %s serves at /api-docs; if the API change is meant,"
                + " regenerate with ./mvnw verify -D%s=true", published, service, UPDATE_PROPERTY)
                .isEqualTo(read(published));
    }

    /** Sorted keys and no {@code servers} (they name the test's random port), so the text only changes with the API. */
    static String canonical(JsonNode document) {
        JsonNode copy = sorted(document);
        if (copy instanceof ObjectNode object) {
            object.remove("servers");
        }
        return JSON.writeValueAsString(copy) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = JSON.createObjectNode();
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.sort(names);
            for (String name : names) {
                result.set(name, sorted(node.get(name)));
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JSON.createArrayNode();
            node.forEach(element -> result.add(sorted(element)));
            return result;
        }
        return node;
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".mvn"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No project root (a folder with .mvn) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
