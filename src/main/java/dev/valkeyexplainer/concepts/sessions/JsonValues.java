package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * JSON in the app, with Jackson: parsing strictly (one value, nothing after it, no comments, numbers
 * exact as {@link BigDecimal} so {@code 1.50} keeps its digits as valkey-json keeps them), writing
 * compactly, and comparing values the way valkey-json's filters do (numbers by value, strings byte by
 * byte). Pointers are RFC 6901 JSON pointers ({@code /inventory/0/name}), as valkey-json's selector
 * records its matches.
 */
final class JsonValues {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonValues() {
    }

    /** The value of a JSON text, or empty when it is not valid JSON. */
    static Optional<JsonNode> parse(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            return n == null || n.isMissingNode() ? Optional.empty() : Optional.of(n);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Why a text is not valid JSON (Jackson's message, first line, without the source), or null when it is. */
    static String problem(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            return n == null || n.isMissingNode() ? "there is no JSON value in it" : null;
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            return m == null ? "it is not valid JSON" : m.lines().findFirst().orElse(m);
        }
    }

    /** Compact JSON, as JSON.GET writes it without formatting options. */
    static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One segment of a JSON pointer: {@code ~} → {@code ~0}, {@code /} → {@code ~1}. */
    static String escape(String member) {
        return member.replace("~", "~0").replace("/", "~1");
    }

    /** Same value: objects by members (order aside), arrays in order, numbers by value ({@code 1.0 == 1}). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        if (a.getNodeType() != b.getNodeType()) return false;
        if (a.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!same(a.get(i), b.get(i))) return false;
            return true;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !same(e.getValue(), other)) return false;
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * valkey-json's filter comparison ({@code Selector::evalOp}): values of different types never
     * match (true and false count as one type); null only equals null; strings compare byte by byte.
     */
    static boolean compare(JsonNode x, String op, JsonNode c) {
        boolean xb = x.isBoolean();
        boolean cb = c.isBoolean();
        if (x.getNodeType() != c.getNodeType() && !(xb && cb)) return false;
        int d;
        if (x.isNull()) {
            return op.equals("==");
        } else if (xb) {
            d = Boolean.compare(x.booleanValue(), c.booleanValue());
        } else if (x.isTextual()) {
            d = Arrays.compareUnsigned(x.textValue().getBytes(StandardCharsets.UTF_8), c.textValue().getBytes(StandardCharsets.UTF_8));
        } else if (x.getNodeType() == JsonNodeType.NUMBER) {
            d = x.decimalValue().compareTo(c.decimalValue());
        } else {
            return false;
        }
        return switch (op) {
            case "==" -> d == 0;
            case "!=" -> d != 0;
            case "<" -> d < 0;
            case "<=" -> d <= 0;
            case ">" -> d > 0;
            case ">=" -> d >= 0;
            default -> false;
        };
    }

    /** Whether a text parses as JSON whose value is a number (what JSON.NUMINCRBY accepts). */
    static boolean isJsonNumber(String text) {
        return parse(text).map(JsonNode::isNumber).orElse(false);
    }
}
