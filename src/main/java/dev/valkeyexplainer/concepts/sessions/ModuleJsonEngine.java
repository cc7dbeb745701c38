package dev.valkeyexplainer.concepts.sessions;

import static dev.valkeyexplainer.valkey.JournalFormat.javaString;

import dev.valkeyexplainer.valkey.ValkeyCall;
import glide.api.commands.servermodules.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The valkey-json module, through Glide's {@code glide.api.commands.servermodules.Json}: used when the
 * server lists the module ({@code MODULE LIST} → {@code json}), e.g. a {@code valkey/valkey-bundle}
 * server. The module keeps each document as a parsed tree of type {@code ReJSON-RL}.
 */
final class ModuleJsonEngine implements JsonEngine {

    @Override
    public String label() {
        return "valkey-json module (JSON.SET, JSON.GET, … on a ReJSON-RL tree)";
    }

    @Override
    public boolean module() {
        return true;
    }

    @Override
    public String commandName(String jsonCommand) {
        return jsonCommand;
    }

    @Override
    public ValkeyCall<String> set(String key, String path, String json) {
        return new ValkeyCall<>(List.of("JSON.SET", key, path, json), List.of(key),
                "Json.set(client, " + javaString(key) + ", " + javaString(path) + ", " + javaString(json) + ")",
                h -> Json.set(h.glide(), key, path, json));
    }

    @Override
    public ValkeyCall<String> get(String key, String path) {
        if (path == null) {
            return new ValkeyCall<>(List.of("JSON.GET", key), List.of(), "Json.get(client, " + javaString(key) + ")",
                    h -> Json.get(h.glide(), key));
        }
        return new ValkeyCall<>(List.of("JSON.GET", key, path), List.of(),
                "Json.get(client, " + javaString(key) + ", new String[]{" + javaString(path) + "})",
                h -> Json.get(h.glide(), key, new String[]{path}));
    }

    @Override
    public ValkeyCall<Object> arrappend(String key, String path, List<String> values) {
        List<String> args = new ArrayList<>(List.of("JSON.ARRAPPEND", key, path));
        args.addAll(values);
        String[] v = values.toArray(String[]::new);
        return new ValkeyCall<>(args, List.of(key), "Json.arrappend(client, " + javaString(key) + ", " + javaString(path)
                + ", new String[]{" + String.join(", ", values.stream().map(s -> javaString(s)).toList()) + "})",
                h -> Json.arrappend(h.glide(), key, path, v));
    }

    @Override
    public ValkeyCall<String> numincrby(String key, String path, Number by) {
        return new ValkeyCall<>(List.of("JSON.NUMINCRBY", key, path, by.toString()), List.of(key),
                "Json.numincrby(client, " + javaString(key) + ", " + javaString(path) + ", " + by + ")",
                h -> Json.numincrby(h.glide(), key, path, by));
    }

    @Override
    public ValkeyCall<Long> debugMemory(String key) {
        return new ValkeyCall<>(List.of("JSON.DEBUG", "MEMORY", key), List.of(), "Json.debugMemory(client, " + javaString(key) + ")",
                h -> Json.debugMemory(h.glide(), key));
    }
}
