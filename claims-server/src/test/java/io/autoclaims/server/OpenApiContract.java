package io.autoclaims.server;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * openapi.yaml as a test oracle: every response a test receives is checked against the operation,
 * status, media type, headers and schema the document declares, by an OpenAPI 3.1 validator
 * (networknt json-schema-validator, OpenAPI 3.1 dialect). A response it does not declare fails.
 */
final class OpenApiContract {
    static final String DOCUMENT = "classpath:io/autoclaims/server/openapi.yaml";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JsonNode API;

    static {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/io/autoclaims/server/openapi.yaml")) {
            API = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OpenApiContract() {
    }

    /** The document as a tree. */
    static JsonNode document() {
        return API;
    }

    /**
     * Fails (AssertionError) unless {@code response}, to {@code method path}, is one the document
     * declares, body and headers included.
     */
    static void assertConforms(String method, HttpResponse<byte[]> response) {
        List<String> problems = problems(method, response.request().uri().getPath(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                name -> response.headers().firstValue(name).orElse(null), response.body());
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + response.request().uri().getPath() + " " + response.statusCode()
                    + " does not conform to openapi.yaml: " + problems + "\nbody: "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** What is wrong with a response; empty when the document declares it. */
    static List<String> problems(String method, String path, int status, String contentType,
            java.util.function.Function<String, String> header, byte[] body) {
        List<String> problems = new ArrayList<>();
        String pathKey = path.replace("~", "~0").replace("/", "~1");
        JsonNode operation = API.at("/paths/" + pathKey + "/" + method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of("no operation " + method + " " + path);
        }
        String responsePointer = "/paths/" + pathKey + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        JsonNode declared = resolve(API.at(responsePointer));
        if (declared.isMissingNode()) {
            return List.of("status " + status + " is not declared");
        }
        String base = declared.has("$pointer") ? declared.get("$pointer").asString() : responsePointer;
        declared.path("headers").propertyNames().forEach(name -> {
            String value = header.apply(name);
            boolean optional = "false".equals(resolve(declared.path("headers").path(name)).path("required").asString());
            if (value == null) {
                if (!optional) { // headers are required here unless the document says required: false
                    problems.add("header " + name + " missing");
                }
            } else {
                JsonNode headerSchema = resolve(declared.path("headers").path(name)).path("schema");
                if (headerSchema.has("pattern") && !value.matches(headerSchema.get("pattern").asString())) {
                    problems.add("header " + name + " = " + value + " does not match " + headerSchema.get("pattern"));
                }
            }
        });
        if (!declared.has("content")) {
            // a response declared without content (304) must have no body
            if (body.length > 0) {
                problems.add("a body where " + status + " declares none");
            }
            return problems;
        }
        if (contentType == null) {
            problems.add("no Content-Type");
            return problems;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        JsonNode content = declared.path("content").path(media);
        if (content.isMissingNode()) {
            problems.add("media type " + media + " is not declared for " + status);
            return problems;
        }
        String contentPointer = base + "/content/" + media.replace("/", "~1");
        String text = new String(body, StandardCharsets.UTF_8);
        if (content.has("itemSchema")) {
            String[] lines = text.split("\n", -1);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                problems.add("the last record has no line end");
            }
            for (int i = 0; i < lines.length - 1; i++) {
                for (Error e : schema(contentPointer + "/itemSchema").validate(lines[i], InputFormat.JSON)) {
                    problems.add("line " + (i + 1) + ": " + e);
                }
            }
        } else if (media.endsWith("json")) {
            for (Error e : schema(contentPointer + "/schema").validate(text, InputFormat.JSON)) {
                problems.add(e.toString());
            }
        } else if (text.isEmpty()) {
            problems.add("empty " + media + " body");
        }
        return problems;
    }

    /** A response object, following a {@code $ref}; the resolved node records where it is. */
    private static JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            String pointer = node.get("$ref").asString().substring(1);
            JsonNode target = API.at(pointer);
            if (target.isObject()) {
                tools.jackson.databind.node.ObjectNode copy = ((tools.jackson.databind.node.ObjectNode) target).deepCopy();
                copy.put("$pointer", pointer);
                return copy;
            }
            return target;
        }
        return node;
    }

    private static Schema schema(String pointer) {
        return SCHEMAS.computeIfAbsent(pointer, p -> REGISTRY.getSchema(SchemaLocation.of(DOCUMENT + "#" + p)));
    }
}
