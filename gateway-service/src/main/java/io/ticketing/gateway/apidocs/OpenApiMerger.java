package io.ticketing.gateway.apidocs;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Merges OpenAPI documents of several services into one, prefixing each service's schema names. */
final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private final ObjectNode result;
    private final ObjectNode paths;
    private final ObjectNode schemas;
    private final ArrayNode unavailable;

    OpenApiMerger(JsonMapper json) {
        result = json.createObjectNode();
        result.put("openapi", "3.1.0");
        result.putObject("info").put("title", "Ticketing platform API").put("version", "v1")
                .put("description", "Every call carries X-API-Key; customer calls also Authorization: Bearer <token> "
                        + "from signing in (POST /api/v1/sessions/challenges mails a code, POST /api/v1/sessions "
                        + "answers it). Errors are RFC 9457 problems with a machine code.");
        paths = result.putObject("paths");
        ObjectNode components = result.putObject("components");
        schemas = components.putObject("schemas");
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-API-Key");
        security.putObject("session").put("type", "http").put("scheme", "bearer");
        result.putArray("security").addObject().putArray("apiKey");
        unavailable = result.putArray("x-unavailable");
    }

    void add(String service, JsonNode document) {
        if (document == null || !document.isObject() || !document.has("paths")) {
            unavailable.add(service);
            return;
        }
        JsonNode prefixed = prefixRefs(document.deepCopy(), service);
        for (Map.Entry<String, JsonNode> path : prefixed.path("paths").properties()) {
            paths.set(path.getKey(), path.getValue());
        }
        for (Map.Entry<String, JsonNode> schema : prefixed.path("components").path("schemas").properties()) {
            schemas.set(service + "." + schema.getKey(), schema.getValue());
        }
    }

    ObjectNode result() {
        return result;
    }

    private static JsonNode prefixRefs(JsonNode node, String service) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMA_REF)) {
                object.put("$ref", SCHEMA_REF + service + "." + ref.asString().substring(SCHEMA_REF.length()));
            }
            object.properties().forEach(entry -> prefixRefs(entry.getValue(), service));
        }
        else if (node.isArray()) {
            node.forEach(element -> prefixRefs(element, service));
        }
        return node;
    }
}
