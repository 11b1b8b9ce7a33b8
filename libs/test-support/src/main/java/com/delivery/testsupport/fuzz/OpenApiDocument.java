package com.delivery.testsupport.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operations of a service's published OpenAPI document ({@code docs/api/<service>.json}). */
public final class OpenApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    /** One parameter: {@code in} is path, query or header. */
    public record Parameter(String in, String name, boolean required, JsonNode schema) {
    }

    /** One operation; {@code body} is the JSON schema of the request body, or null when it takes none. */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode body,
            String bodyType) {

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            List<Parameter> parameters = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> {
                JsonNode schema = resolve(p.path("schema"));
                boolean objectInQuery = "query".equals(p.path("in").asString()) && schema.path("type").asString("")
                        .equals("object");
                // springdoc lists an injected argument (CurrentUser) as an object query parameter: not a real one
                if (!objectInQuery && !"Authorization".equalsIgnoreCase(p.path("name").asString())) {
                    parameters.add(new Parameter(p.path("in").asString(), p.path("name").asString(),
                            p.path("required").asBoolean(false), schema));
                }
            });
            JsonNode content = op.getValue().path("requestBody").path("content");
            String bodyType = content.propertyNames().stream().findFirst().orElse(null);
            JsonNode body = bodyType == null ? null : content.path(bodyType).path("schema");
            operations.add(new Operation(method, path.getKey(), List.copyOf(parameters), body, bodyType));
        }));
    }

    /** Reads {@code docs/api/<service>.json} under the project root (the folder holding {@code .mvn}). */
    public static OpenApiDocument of(String service) {
        Path file = projectRoot().resolve("docs/api/" + service + ".json");
        try {
            return new OpenApiDocument(JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The schema itself, or the one its {@code $ref} names (transitively). */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.path("$ref").asString();
            String prefix = "#/components/schemas/";
            current = ref.startsWith(prefix) ? root.path("components").path("schemas").path(ref.substring(prefix.length()))
                    : JSON.missingNode();
        }
        if (current != null && current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(current.path("allOf").get(0));
        }
        return current;
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
}
