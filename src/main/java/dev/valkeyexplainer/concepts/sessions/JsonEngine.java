package dev.valkeyexplainer.concepts.sessions;

import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.List;

/**
 * The four JSON commands the tab uses, as calls the gateway can send. Two engines implement them:
 * {@link ModuleJsonEngine} sends {@code JSON.SET} / {@code JSON.GET} / {@code JSON.ARRAPPEND} /
 * {@code JSON.NUMINCRBY} with Glide's {@code glide.api.commands.servermodules.Json} when the server has
 * the valkey-json module, and {@link LuaJsonEngine} sends {@code FCALL vx_json_*} to the Lua stand-in
 * otherwise. Both reply alike (the same strings, the same errors), so the tab does not care which ran;
 * the journal shows the command that did, and {@link #label()} says it on screen.
 */
interface JsonEngine {

    /** Who ran it, for the tab, e.g. "valkey-json (JSON.SET …)" or "Lua stand-in (FCALL vx_json_set …)". */
    String label();

    /** True for valkey-json. */
    boolean module();

    /** The command name as the journal shows it for JSON.SET etc. ("JSON.SET" or "FCALL vx_json_set"). */
    String commandName(String jsonCommand);

    /** JSON.SET key path json: "OK", or null (no reply) when NX/XX prevented it. */
    ValkeyCall<String> set(String key, String path, String json);

    /** JSON.GET key path (path null: the whole document): the reply string, null when the key does not exist. */
    ValkeyCall<String> get(String key, String path);

    /** JSON.ARRAPPEND key path json…: a Long (restricted path) or an Object[] of Long / null (JSONPath). */
    ValkeyCall<Object> arrappend(String key, String path, List<String> values);

    /** JSON.NUMINCRBY key path number: the new value(s) as the module writes them. */
    ValkeyCall<String> numincrby(String key, String path, Number by);

    /** The bytes valkey-json says the document takes ({@code JSON.DEBUG MEMORY}); null for the stand-in. */
    default ValkeyCall<Long> debugMemory(String key) {
        return null;
    }
}
