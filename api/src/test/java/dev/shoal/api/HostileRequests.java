package dev.shoal.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile variants of every operation an OpenAPI document describes: a well-formed skeleton of its body with one
 * leaf spoiled (a control character, a huge string, a wrong type, an overflowing or fractional number, an unknown
 * member), bad path segments and query values, bodies that are not JSON, methods nobody serves. Deterministic for a
 * seed, so a failure can be replayed.
 */
final class HostileRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> BAD_SEGMENTS = List.of("%00", "..", "%2e%2e", ".", "a;b", "%2F", "%20",
            "%0a", "-1", "9223372036854775808", "n".repeat(300), "%C0%AE", "%25", "%E2%80%AE");
    private static final List<String> BAD_QUERIES = List.of("limit=%00", "limit=1.5", "limit=99999999999999999999",
            "marker=..", "marker=%00", "datastore=%00", "instance_id=%0d%0a", "include_clustered=maybe",
            "detach_replicas=%00", "limit=-1&limit=2");
    private static final List<String> ODD_METHODS = List.of("PROPFIND", "TRACE", "MKCOL", "FOO");

    private final Random random;
    private final JsonNode schemas;
    private final String tenant;

    HostileRequests(Random random, JsonNode docs, String tenant) {
        this.random = random;
        this.schemas = docs.path("components").path("schemas");
        this.tenant = tenant;
    }

    record Hostile(String what, String method, String path, String body, String contentType) {
    }

    /** About {@code perOperation} variants of one operation. */
    List<Hostile> of(String method, String template, JsonNode operation, int perOperation) {
        List<Hostile> variants = new ArrayList<>();
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode skeleton = schema.isMissingNode() ? null : skeleton(schema, 0);
        while (variants.size() < perOperation) {
            int kind = random.nextInt(10);
            String path = fill(template, kind == 0);
            if (kind == 0) {
                variants.add(new Hostile("bad path segment", method, path, body(skeleton), "application/json"));
            } else if (kind == 1) {
                variants.add(new Hostile("bad query", method, fill(template, false) + "?"
                        + BAD_QUERIES.get(random.nextInt(BAD_QUERIES.size())), body(skeleton), "application/json"));
            } else if (kind == 2) {
                variants.add(new Hostile("odd method", ODD_METHODS.get(random.nextInt(ODD_METHODS.size())), path,
                        null, null));
            } else if (kind == 3) {
                String[] types = {"application/x-www-form-urlencoded", "text/plain", "application/xml",
                        "multipart/form-data; boundary=x", "application/json; charset=nope"};
                variants.add(new Hostile("not JSON", method, path, "a=%00&b=1", types[random.nextInt(types.length)]));
            } else if (kind == 4) {
                String[] broken = {"{", "[]", "\"x\"", "{\"a\": }", "{}", "null", "{\"a\": \"\\u0000\"}",
                        "{\"a\": 1e99999}", "[".repeat(2000)};
                variants.add(new Hostile("malformed JSON", method, path, broken[random.nextInt(broken.length)],
                        "application/json"));
            } else if (skeleton != null) {
                JsonNode spoiled = skeleton.deepCopy();
                String what = spoil(spoiled);
                variants.add(new Hostile(what, method, path, JSON.writeValueAsString(spoiled), "application/json"));
            } else {
                variants.add(new Hostile("unexpected body", method, path, "{\"x\": \"\\u0000\"}",
                        "application/json"));
            }
        }
        return variants;
    }

    private String body(JsonNode skeleton) {
        return skeleton == null ? null : JSON.writeValueAsString(skeleton);
    }

    /** Path variables: the tenant's own id and random ids, or, when asked, one hostile segment. */
    private String fill(String template, boolean hostile) {
        StringBuilder path = new StringBuilder();
        int from = 0;
        List<Integer> variables = new ArrayList<>();
        for (int i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
            variables.add(i);
        }
        int spoiled = hostile && !variables.isEmpty() ? random.nextInt(variables.size()) : -1;
        for (int v = 0; v < variables.size(); v++) {
            int start = variables.get(v);
            int end = template.indexOf('}', start);
            String name = template.substring(start + 1, end);
            path.append(template, from, start);
            if (v == spoiled) {
                path.append(BAD_SEGMENTS.get(random.nextInt(BAD_SEGMENTS.size())));
            } else if (name.equals("tenantId") && !template.startsWith("/v1.0/mgmt")) {
                path.append(tenant);
            } else {
                // never the fuzzing tenant itself on operator resources: its quotas stay 0
                path.append(UUID.randomUUID());
            }
            from = end + 1;
        }
        if (hostile && variables.isEmpty()) {
            path.append(template).append("/").append(BAD_SEGMENTS.get(random.nextInt(BAD_SEGMENTS.size())));
            return path.toString();
        }
        return path.append(template.substring(from)).toString();
    }

    /** A body of the schema's shape with harmless values; 0 for numbers, so no quota or size is ever granted. */
    private JsonNode skeleton(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        String type = resolved.path("type").isArray() ? resolved.path("type").path(0).asString()
                : resolved.path("type").asString("object");
        return switch (type) {
            case "string" -> NODES.stringNode("x");
            case "integer", "number" -> NODES.numberNode(0);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> NODES.arrayNode().add(skeleton(resolved.path("items"), depth + 1));
            default -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                    object.set(property.getKey(), skeleton(property.getValue(), depth + 1));
                }
                yield object;
            }
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring(21)) : schema;
    }

    /** Replaces one leaf (or adds one member) of the body; answers what it did. */
    private String spoil(JsonNode body) {
        List<Object[]> slots = new ArrayList<>();
        collect(body, slots);
        if (slots.isEmpty()) {
            return "empty body";
        }
        Object[] slot = slots.get(random.nextInt(slots.size()));
        JsonNode[] values = {NODES.stringNode("a\u0000b"), NODES.stringNode("\u001b[2J"),
                NODES.stringNode("line\nbreak"), NODES.stringNode("x".repeat(10_000 + random.nextInt(60_000))),
                NODES.numberNode(new java.math.BigInteger("9223372036854775808")), NODES.numberNode(1.9),
                NODES.numberNode(-1), NODES.booleanNode(true), NODES.numberNode(42), NODES.objectNode(),
                NODES.arrayNode(), NODES.nullNode(), NODES.stringNode("")};
        int pick = random.nextInt(values.length + 1);
        if (pick == values.length && slot[0] instanceof ObjectNode object) {
            object.put("unknown_" + random.nextInt(1000), "x");
            return "unknown member";
        }
        JsonNode value = values[pick % values.length];
        if (slot[0] instanceof ObjectNode object) {
            object.set((String) slot[1], value);
        } else {
            ((ArrayNode) slot[0]).set((Integer) slot[1], value);
        }
        return "spoiled leaf " + slot[1] + " = " + abbreviate(value.toString());
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.propertyNames().iterator();
            while (names.hasNext()) {
                String name = names.next();
                slots.add(new Object[] {object, name});
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Object[] {array, i});
                collect(array.get(i), slots);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
