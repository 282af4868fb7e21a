package io.ticketing.systemtests.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives malformed requests from an endpoint's valid one: broken JSON, every field missing, of the wrong
 * type, out of range, with hostile text, arrays blown up, unknown fields, wrong content types, path
 * parameters that try to escape, and methods the endpoint does not have. Every variant is invalid for any
 * reasonable contract, so each must be refused with a 4xx problem.
 */
final class Mutations {

    /** One malformed request. */
    record Request(String description, String method, String path, String contentType, String body) {
    }

    /** Escapes all non-ASCII, so that unpaired surrogates reach the server as written, not as '?'. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> BROKEN_JSON = List.of("", "{", "}", "[", "[]", "null", "true", "123",
            "\"text\"", "{\"a\":}", "{,}", "{'single': 'quotes'}", "{\"a\" \"b\"}", "{\"a\":1,}", "\u0000",
            "{\"a\":\"\\ud800\"", "{\"a\": tru}", "{\"a\": 01}", "{\"a\": NaN}", "{\"a\": Infinity}",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "1e999999",
            "{" + "\"a\":1,".repeat(3000) + "\"a\":1}", "{}{}", "/* comment */ {}");
    private static final List<String> HOSTILE_TEXT = List.of("\u0000", "nul\u0000inside", "\ud800", "x\udfff",
            "\udbff\udbff", "\u202Eevil", "\u2066isolate", "\u0007bell", "\u001b[31mred", "\u0085next-line",
            "line\u0008back", "x".repeat(100_000));
    private static final List<String> BAD_NUMBERS = List.of("1e309", "-1e309", "99999999999999999999999",
            "-99999999999999999999999");
    private static final List<String> PATH_TRICKS = List.of("not-a-uuid", "..", "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e", "%00", "'%20OR%201=1--", "%F0%9F%8E%AC", "a".repeat(3000), "00000000-0000-0000-0000-00000000000g",
            "%E2%80%AE", "%7Bid%7D", "-1", "0", "null", "undefined", "%20", "1e309", "99999999999999999999",
            "%27%22%3C%3E", "%25", "%C0%AF", "..%5C..%5Cwindows", "%0d%0aSet-Cookie:%20x=1", "%E2%80%8B");

    private Mutations() {
    }

    static List<Request> of(Endpoint endpoint) {
        List<Request> requests = new ArrayList<>();
        for (String parameter : endpoint.pathValues().keySet()) {
            for (String trick : PATH_TRICKS) {
                requests.add(new Request("path " + parameter + "=" + abbreviate(trick), endpoint.method(),
                        endpoint.path(parameter, trick), contentTypeOf(endpoint), validJson(endpoint)));
            }
        }
        for (String method : List.of("PUT", "PATCH")) {
            requests.add(new Request("method " + method, method, endpoint.validPath(), "application/json", "{}"));
        }
        if (endpoint.validBody() != null) {
            bodies(endpoint, requests);
        }
        return requests;
    }

    private static void bodies(Endpoint endpoint, List<Request> requests) {
        String path = endpoint.validPath();
        String valid = validJson(endpoint);
        for (String broken : BROKEN_JSON) {
            requests.add(json(endpoint, "broken JSON " + abbreviate(broken), path, broken));
        }
        for (int cut : new int[] { 1, valid.length() / 3, valid.length() / 2, valid.length() - 1 }) {
            requests.add(json(endpoint, "truncated at " + cut, path, valid.substring(0, cut)));
        }
        requests.add(json(endpoint, "trailing garbage", path, valid + " }"));
        requests.add(json(endpoint, "huge body", path, "{\"padding\":\"" + "x".repeat(400_000) + "\"}"));
        requests.add(new Request("text/plain", endpoint.method(), path, "text/plain", valid));
        requests.add(new Request("application/xml", endpoint.method(), path, "application/xml", "<a/>"));
        requests.add(new Request("no content type", endpoint.method(), path, null, valid));
        JsonNode tree = JSON.valueToTree(endpoint.validBody());
        mutate(endpoint, tree, tree, "", requests);
    }

    /** Walks the valid body; for each field, element and array makes the variants that must fail. */
    private static void mutate(Endpoint endpoint, JsonNode root, JsonNode node, String pointer, List<Request> requests) {
        if (node.isObject()) {
            requests.add(variant(endpoint, root, pointer + "/unexpectedField", "unknown field", NODES.numberNode(1)));
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = pointer + "/" + field.getKey();
                if (!endpoint.optionalFields().contains(child)) {
                    requests.add(variant(endpoint, root, child, "missing", null));
                    requests.add(variant(endpoint, root, child, "null", NODES.nullNode()));
                }
                mutate(endpoint, root, field.getValue(), child, requests);
            }
            return;
        }
        if (node.isArray()) {
            for (JsonNode wrong : List.of(NODES.stringNode("x"), NODES.numberNode(5), NODES.objectNode())) {
                requests.add(variant(endpoint, root, pointer, "array as " + wrong.getNodeType(), wrong));
            }
            if (!node.isEmpty()) {
                ArrayNode huge = NODES.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    huge.add(node.get(0).deepCopy());
                }
                requests.add(variant(endpoint, root, pointer, "10,000 elements", huge));
                mutate(endpoint, root, node.get(0), pointer + "/0", requests);
            }
            return;
        }
        // a leaf (text, number, date...): every value below is wrong for any leaf of its kind
        List<JsonNode> wrong = new ArrayList<>(List.of(NODES.booleanNode(true), NODES.booleanNode(false),
                NODES.arrayNode(), NODES.objectNode(), NODES.arrayNode().add(node.deepCopy())));
        wrong.add(node.isNumber() ? NODES.stringNode("abc") : NODES.numberNode(12345));
        HOSTILE_TEXT.forEach(text -> wrong.add(NODES.stringNode(text)));
        for (JsonNode value : wrong) {
            requests.add(variant(endpoint, root, pointer, "as " + value.getNodeType() + " " + abbreviate(value.toString()), value));
        }
        for (String bad : BAD_NUMBERS) {
            requests.add(rawVariant(endpoint, root, pointer, "as number " + bad, bad));
        }
    }

    private static Request variant(Endpoint endpoint, JsonNode root, String pointer, String what, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = pointer.substring(0, cut).isEmpty() ? copy : copy.at(pointer.substring(0, cut));
        String name = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(name);
            }
            else {
                object.set(name, value);
            }
        }
        else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), value == null ? NODES.nullNode() : value);
        }
        return json(endpoint, pointer + " " + what, endpoint.validPath(), JSON.writeValueAsString(copy));
    }

    /** Replaces a value with raw JSON text that a tree cannot hold (numbers beyond double, say). */
    private static Request rawVariant(Endpoint endpoint, JsonNode root, String pointer, String what, String raw) {
        String marker = "__raw_" + Math.abs(pointer.hashCode()) + "__";
        Request marked = variant(endpoint, root, pointer, what, NODES.stringNode(marker));
        return new Request(marked.description(), marked.method(), marked.path(), marked.contentType(),
                marked.body().replace("\"" + marker + "\"", raw));
    }

    private static Request json(Endpoint endpoint, String what, String path, String body) {
        return new Request(what, endpoint.method(), path, "application/json", body);
    }

    private static String validJson(Endpoint endpoint) {
        return endpoint.validBody() == null ? null : JSON.writeValueAsString(endpoint.validBody());
    }

    private static String contentTypeOf(Endpoint endpoint) {
        return endpoint.validBody() == null ? null : "application/json";
    }

    private static String abbreviate(String text) {
        var visible = new StringBuilder();
        text.chars().limit(30).forEach(c -> visible.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : (char) c));
        return text.length() > 30 ? visible + "…(" + text.length() + " chars)" : visible.toString();
    }
}
