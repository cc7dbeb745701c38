package dev.valkeyexplainer.concepts.sessions;

import static dev.valkeyexplainer.valkey.JournalFormat.javaString;

import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stand-in for valkey-json on a server without it: the Valkey Function library {@code vx_json}
 * ({@code vx_json.lua} next to this class), loaded with {@code FUNCTION LOAD REPLACE}, whose functions
 * {@code vx_json_set}, {@code vx_json_get}, {@code vx_json_arrappend} and {@code vx_json_numincrby} take
 * the same arguments as the module's commands and reply the same way. Each runs atomically on the server.
 * The document is a plain string key, parsed on every call; it is at most {@link #MAX_DOCUMENT_BYTES}.
 */
final class LuaJsonEngine implements JsonEngine {

    /** The library's (and functions') name prefix. */
    static final String LIBRARY = "vx_json";
    /** This tab's bound on a document, in bytes of JSON text (valkey-json's own default is no bound). */
    static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    private static final String CODE = load();

    private static String load() {
        try (InputStream in = LuaJsonEngine.class.getResourceAsStream("vx_json.lua")) {
            if (in == null) throw new IllegalStateException("vx_json.lua is missing from the app");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${MAX_DOCUMENT_BYTES}", Integer.toString(MAX_DOCUMENT_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String code() {
        return CODE;
    }

    @Override
    public String label() {
        return "Lua stand-in: Valkey Function library vx_json (this server has no valkey-json)";
    }

    @Override
    public boolean module() {
        return false;
    }

    @Override
    public String commandName(String jsonCommand) {
        return "FCALL vx_" + jsonCommand.toLowerCase(Locale.ROOT).replace('.', '_');
    }

    /** FUNCTION LOAD REPLACE of the library (on a cluster, Glide sends it to every primary). */
    ValkeyCall<String> loadLibrary() {
        return new ValkeyCall<>(List.of("FUNCTION", "LOAD", "REPLACE", "<Lua library " + LIBRARY + ", "
                + CODE.lines().count() + " lines>"), List.of(), "client.functionLoad(VX_JSON_LIBRARY, true) // replace",
                h -> h.glide() instanceof GlideClient c ? c.functionLoad(CODE, true)
                        : ((GlideClusterClient) h.glide()).functionLoad(CODE, true));
    }

    /** True when the server does not know the function (a restarted server, FUNCTION FLUSH): load it again. */
    static boolean missing(Throwable e) {
        String m = JournalFormat.errorMessage(e).toLowerCase(Locale.ROOT);
        return m.contains("function not found") || m.contains("no such function");
    }

    @Override
    public ValkeyCall<String> set(String key, String path, String json) {
        return fcall("vx_json_set", key, List.of(path, json), true, String::valueOf);
    }

    @Override
    public ValkeyCall<String> get(String key, String path) {
        return fcall("vx_json_get", key, path == null ? List.of() : List.of(path), false, r -> r == null ? null : String.valueOf(r));
    }

    @Override
    public ValkeyCall<Object> arrappend(String key, String path, List<String> values) {
        List<String> args = new ArrayList<>(List.of(path));
        args.addAll(values);
        return fcall("vx_json_arrappend", key, args, true, r -> r);
    }

    @Override
    public ValkeyCall<String> numincrby(String key, String path, Number by) {
        return fcall("vx_json_numincrby", key, List.of(path, by.toString()), true, String::valueOf);
    }

    private static <T> ValkeyCall<T> fcall(String fn, String key, List<String> args, boolean writes,
                                           java.util.function.Function<Object, T> convert) {
        List<String> journal = new ArrayList<>(List.of("FCALL", fn, "1", key));
        journal.addAll(args);
        String[] keys = {key};
        String[] argv = args.toArray(String[]::new);
        String java = "client.fcall(" + javaString(fn) + ", new String[]{" + javaString(key) + "}, new String[]{"
                + String.join(", ", args.stream().map(a -> javaString(a)).toList()) + "})";
        return new ValkeyCall<>(journal, writes ? List.of(key) : List.of(), java,
                h -> h.glide().fcall(fn, keys, argv).thenApply(convert));
    }
}
