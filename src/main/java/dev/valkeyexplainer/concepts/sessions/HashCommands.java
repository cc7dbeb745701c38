package dev.valkeyexplainer.concepts.sessions;

import static dev.valkeyexplainer.valkey.JournalFormat.javaString;

import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Hash side's commands, each with the typed Glide call that sends it (what the journal shows is what ran). */
final class HashCommands {

    private HashCommands() {
    }

    /** HSET key field value …: the reply is how many fields were new. */
    static ValkeyCall<Long> hset(String key, Map<String, String> fields) {
        List<String> args = new ArrayList<>(List.of("HSET", key));
        fields.forEach((f, v) -> {
            args.add(f);
            args.add(v);
        });
        Map<String, String> copy = new LinkedHashMap<>(fields);
        String map = copy.entrySet().stream().map(e -> javaString(e.getKey()) + ", " + javaString(e.getValue()))
                .collect(Collectors.joining(",\n    ", "Map.of(\n    ", ")"));
        return new ValkeyCall<>(args, List.of(key), "client.hset(" + javaString(key) + ", " + map + ")",
                h -> h.glide().hset(key, copy));
    }

    static ValkeyCall<Map<String, String>> hgetall(String key) {
        return new ValkeyCall<>(List.of("HGETALL", key), List.of(), "client.hgetall(" + javaString(key) + ")",
                h -> h.glide().hgetall(key));
    }

    static ValkeyCall<String> hget(String key, String field) {
        return new ValkeyCall<>(List.of("HGET", key, field), List.of(), "client.hget(" + javaString(key) + ", "
                + javaString(field) + ")", h -> h.glide().hget(key, field));
    }

    static ValkeyCall<Long> hincrBy(String key, String field, long by) {
        return new ValkeyCall<>(List.of("HINCRBY", key, field, Long.toString(by)), List.of(key),
                "client.hincrBy(" + javaString(key) + ", " + javaString(field) + ", " + by + "L)",
                h -> h.glide().hincrBy(key, field, by));
    }

    static ValkeyCall<Double> hincrByFloat(String key, String field, double by, String text) {
        return new ValkeyCall<>(List.of("HINCRBYFLOAT", key, field, text), List.of(key),
                "client.hincrByFloat(" + javaString(key) + ", " + javaString(field) + ", " + text + ")",
                h -> h.glide().hincrByFloat(key, field, by));
    }

    static ValkeyCall<String> objectEncoding(String key) {
        return new ValkeyCall<>(List.of("OBJECT", "ENCODING", key), List.of(), "client.objectEncoding(" + javaString(key) + ")",
                h -> h.glide().objectEncoding(key));
    }

    static ValkeyCall<Long> unlink(String... keys) {
        List<String> args = new ArrayList<>(List.of("UNLINK"));
        args.addAll(List.of(keys));
        return new ValkeyCall<>(args, List.of(keys), "client.unlink(new String[]{" + String.join(", ",
                List.of(keys).stream().map(k -> javaString(k)).toList()) + "})", h -> h.glide().unlink(keys));
    }
}
