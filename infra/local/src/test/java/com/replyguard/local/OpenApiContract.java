package com.replyguard.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.replyguard.dynalite.ProjectLayout;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * docs/openapi.yaml as the tests hold the running system to it. The document is read twice: by
 * swagger-parser, which must find it a valid OpenAPI 3.1 document (no messages) and gives its
 * paths, operations and tags; and as a JSON tree whose schemas the networknt validator applies
 * (JSON Schema 2020-12 in the OpenAPI 3.1 dialect, formats such as {@code date-time} asserted) to
 * an answer's body - the schema of the operation the request went to, for the answer's status
 * code and media type. A CSV answer's header row must be the header row of one of the
 * operation's CSV examples. {@link Http} checks every answer of the end-to-end tests this way.
 */
final class OpenApiContract {
    /** The document in the repository. */
    static final Path FILE = ProjectLayout.root().resolve("docs/openapi.yaml");
    /** The tag of the webhook operations (the ingest function); every other operation is the manager API's. */
    static final String WEBHOOKS_TAG = "Webhooks";
    /** The document's IRI inside the validator (never fetched: the registry holds the document itself). */
    private static final String IRI = "https://replyguard.invalid/docs/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    private static OpenApiContract repository;

    /** The two APIs the document describes. */
    enum Api { WEBHOOKS, MANAGER }

    /** One documented operation: its method, path template, tree node and JSON pointer. */
    record Operation(String method, String path, Api api, JsonNode node, String pointer) {
        String route() {
            return method + " " + path;
        }
    }

    private final JsonNode tree;
    private final List<String> parserMessages;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Pattern> pathPatterns = new ConcurrentHashMap<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode tree) {
        this.tree = tree;
        String json = write(tree);
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        this.parserMessages = parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
        OpenAPI model = parsed.getOpenAPI();
        if (model != null && model.getPaths() != null) {
            model.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                String m = method.name();
                Api api = op.getTags() != null && op.getTags().contains(WEBHOOKS_TAG) ? Api.WEBHOOKS : Api.MANAGER;
                String pointer = "/paths/" + escape(path) + "/" + m.toLowerCase(Locale.ROOT);
                operations.add(new Operation(m, path, api, tree.at(pointer), pointer));
            }));
            if (!parsed.isOpenapi31()) {
                throw new IllegalStateException("docs/openapi.yaml is not an OpenAPI 3.1 document");
            }
        }
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(IRI, json)));
    }

    /** The repository's docs/openapi.yaml, read once. */
    static synchronized OpenApiContract repository() {
        if (repository == null) {
            repository = of(read(FILE));
        }
        return repository;
    }

    /** Any document, e.g. a deliberately broken copy of the repository's. */
    static OpenApiContract of(JsonNode document) {
        return new OpenApiContract(document);
    }

    static JsonNode read(Path file) {
        try {
            String yaml = Files.readString(file);
            // Jackson's YAML reader does not resolve anchors and aliases: an alias would silently become a string
            if (Pattern.compile("(?m)(:|-)\\s+[&*][A-Za-z]").matcher(yaml).find()) {
                throw new IllegalStateException(file + " uses a YAML anchor or alias; write the value out or use a $ref");
            }
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the document's tree, to change in a test. */
    JsonNode tree() {
        return tree.deepCopy();
    }

    /** What swagger-parser found wrong with the document (empty: a valid OpenAPI document). */
    List<String> parserMessages() {
        return parserMessages;
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The routes ("METHOD /path") the document gives one API. */
    SortedSet<String> routes(Api api) {
        SortedSet<String> routes = new TreeSet<>();
        operations.stream().filter(o -> o.api() == api).forEach(o -> routes.add(o.route()));
        return routes;
    }

    /** The documented operation a request goes to: by method and the path templates, as API Gateway routes. */
    Optional<Operation> operation(String method, String rawPath) {
        return operations.stream().filter(o -> o.method().equalsIgnoreCase(method))
                .filter(o -> pathPatterns.computeIfAbsent(o.path(), OpenApiContract::pattern).matcher(rawPath).matches())
                .findFirst();
    }

    /**
     * What is wrong with an answer, measured against the document; empty when it conforms or when
     * the request went to no documented operation (an unknown route, a wrong method).
     */
    List<String> problems(String method, String rawPath, int status, String contentType, String body) {
        Optional<Operation> op = operation(method, rawPath);
        if (op.isEmpty()) {
            return List.of();
        }
        String what = op.get().route() + " → " + status;
        Optional<String> response = responsePointer(op.get(), status);
        if (response.isEmpty()) {
            return List.of(what + ": status " + status + " is not documented for this operation");
        }
        JsonNode content = tree.at(response.get()).path("content");
        if (body == null || body.isEmpty()) {
            return content.isMissingNode() || content.isEmpty() ? List.of()
                    : List.of(what + ": the answer has no body, the document gives it one");
        }
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(media)) {
            List<String> documented = new ArrayList<>();
            content.fieldNames().forEachRemaining(documented::add);
            return List.of(what + ": media type '" + media + "' is not documented (documented: " + documented + ")");
        }
        String mediaPointer = response.get() + "/content/" + escape(media);
        if (media.equals("text/csv")) {
            return csvProblems(what, mediaPointer, body);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of(what + ": the body is not JSON: " + body);
        }
        return schemaProblems(what, mediaPointer + "/schema", answer);
    }

    /** What is wrong with a request body, measured against the operation's request schema. */
    List<String> requestProblems(String method, String rawPath, String body) {
        Operation op = operation(method, rawPath).orElseThrow(() -> new AssertionError("no operation " + method + " " + rawPath));
        String pointer = op.pointer() + "/requestBody/content/application~1json/schema";
        if (tree.at(pointer).isMissingNode()) {
            return List.of(op.route() + ": no JSON request body is documented");
        }
        try {
            return schemaProblems(op.route() + " request", pointer, JSON.readTree(body));
        } catch (JsonProcessingException e) {
            return List.of(op.route() + ": the request body is not JSON");
        }
    }

    /** Every example of a JSON request or answer in the document, against its own schema. */
    List<String> exampleProblems() {
        List<String> problems = new ArrayList<>();
        for (Operation op : operations) {
            checkExamples(op.route() + " request", op.pointer() + "/requestBody/content", problems);
            for (Iterator<String> it = op.node().path("responses").fieldNames(); it.hasNext(); ) {
                String status = it.next();
                responsePointer(op, status).ifPresent(p -> checkExamples(op.route() + " → " + status, p + "/content", problems));
            }
        }
        return problems;
    }

    /**
     * Object schemas that an answer reaches and that would accept anything: each must list its
     * {@code required} fields and say what other properties may be ({@code additionalProperties}).
     */
    List<String> looseAnswerSchemas() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Operation op : operations) {
            for (Iterator<String> it = op.node().path("responses").fieldNames(); it.hasNext(); ) {
                String status = it.next();
                responsePointer(op, status).ifPresent(p -> tree.at(p).path("content").fields().forEachRemaining(m -> {
                    if (!m.getKey().equals("text/csv")) {
                        lint(p + "/content/" + escape(m.getKey()) + "/schema", seen, problems);
                    }
                }));
            }
        }
        return problems;
    }

    private void lint(String pointer, Set<String> seen, List<String> problems) {
        if (!seen.add(pointer)) {
            return;
        }
        JsonNode s = tree.at(pointer);
        if (s.isMissingNode()) {
            problems.add(pointer + ": missing");
            return;
        }
        if (s.has("$ref")) {
            lint(s.get("$ref").asText().substring(1), seen, problems);
            return;
        }
        boolean object = s.path("type").asText().equals("object") || s.has("properties");
        if (object && !s.has("additionalProperties")) {
            problems.add(pointer + ": an object without additionalProperties accepts any field");
        }
        if (s.has("properties") && !s.has("required")) {
            problems.add(pointer + ": an object without required fields accepts {}");
        }
        if (!s.has("type") && !s.has("$ref") && !s.has("const") && !s.has("enum") && !s.has("oneOf") && !s.has("anyOf")
                && !s.has("allOf")) {
            problems.add(pointer + ": a schema without a type accepts anything");
        }
        s.path("properties").fieldNames().forEachRemaining(f -> lint(pointer + "/properties/" + escape(f), seen, problems));
        for (String k : List.of("items", "additionalProperties")) {
            if (s.path(k).isObject()) {
                lint(pointer + "/" + k, seen, problems);
            }
        }
        for (String k : List.of("oneOf", "anyOf", "allOf")) {
            for (int i = 0; i < s.path(k).size(); i++) {
                lint(pointer + "/" + k + "/" + i, seen, problems);
            }
        }
    }

    private void checkExamples(String what, String contentPointer, List<String> problems) {
        JsonNode json = tree.at(contentPointer).path("application/json");
        if (json.isMissingNode()) {
            return;
        }
        String schema = contentPointer + "/application~1json/schema";
        if (json.has("example")) {
            problems.addAll(schemaProblems(what + " example", schema, json.get("example")));
        }
        json.path("examples").fields().forEachRemaining(e ->
                problems.addAll(schemaProblems(what + " example '" + e.getKey() + "'", schema, resolved(e.getValue()).path("value"))));
    }

    private List<String> csvProblems(String what, String mediaPointer, String body) {
        JsonNode media = tree.at(mediaPointer);
        List<String> headers = new ArrayList<>();
        if (media.has("example")) {
            headers.add(firstLine(media.get("example").asText()));
        }
        media.path("examples").forEach(e -> headers.add(firstLine(resolved(e).path("value").asText())));
        if (headers.isEmpty()) {
            return List.of(what + ": the CSV answer has no documented example to hold its header row to");
        }
        String header = firstLine(body);
        return headers.contains(header) ? List.of()
                : List.of(what + ": CSV header row '" + header + "' is none of the documented ones " + headers);
    }

    private static String firstLine(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        int end = text.indexOf("\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    private List<String> schemaProblems(String what, String schemaPointer, JsonNode value) {
        if (tree.at(schemaPointer).isMissingNode()) {
            return List.of(what + ": no schema at " + schemaPointer);
        }
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
        List<Error> errors = schema.validate(value, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        List<String> problems = new ArrayList<>();
        for (Error e : errors) {
            problems.add(what + ": " + e.getInstanceLocation() + " " + e.getMessage() + " (schema " + e.getSchemaLocation() + ")");
        }
        if (!problems.isEmpty()) {
            problems.add(what + ": the value was " + write(value));
        }
        return problems;
    }

    /** The pointer of the response documented for a status (exact, then {@code 4XX}, then default), references followed. */
    private Optional<String> responsePointer(Operation op, int status) {
        return responsePointer(op, Integer.toString(status));
    }

    private Optional<String> responsePointer(Operation op, String status) {
        JsonNode responses = op.node().path("responses");
        for (String key : List.of(status, status.charAt(0) + "XX", "default")) {
            if (responses.has(key)) {
                String pointer = op.pointer() + "/responses/" + escape(key);
                JsonNode r = tree.at(pointer);
                while (r.has("$ref")) {
                    pointer = r.get("$ref").asText().substring(1);
                    r = tree.at(pointer);
                }
                return Optional.of(pointer);
            }
        }
        return Optional.empty();
    }

    /** A node, or the node its local {@code $ref} names. */
    private JsonNode resolved(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = tree.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        var m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
            last = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(last))).toString());
    }

    /** A JSON pointer's escaping of one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails with every problem. */
    static void assertConforms(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("does not conform to docs/openapi.yaml:\n  " + String.join("\n  ", problems));
        }
    }
}
