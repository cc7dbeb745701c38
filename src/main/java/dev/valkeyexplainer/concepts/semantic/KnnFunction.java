package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyCall;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.GlideString;
import java.util.List;
import java.util.Locale;

/**
 * The fallback for a server without valkey-search: an exact k-nearest-neighbour search written as a
 * Valkey Function (Lua). It SCANs the entries' prefix on the server, unpacks each FLOAT32 blob with
 * Lua's {@code struct.unpack}, and ranks by cosine distance: what a FLAT index does, one full pass per
 * query. HNSW (a graph that visits a few hundred vectors instead of all) needs valkey-search.
 *
 * <p>Declared {@code no-writes}, so it can also run with FCALL_RO and on replicas. It reads keys it
 * does not declare: fine on a standalone server; in a cluster every entry carries the hash tag
 * {@code {sem}} and KEYS[1] has it too, so the call is routed to the one node that holds them all.
 * SCAN inside a script holds the server for the whole pass (scripts are atomic), so the pass stops
 * after {@link #MAX_SCANNED} keys and says so. (Valkey docs: "Functions", "Script flags".)
 */
final class KnnFunction {

    /** Keys examined per call at most: the script blocks the server while it runs. */
    static final int MAX_SCANNED = 20_000;

    private static final String LIBRARY = """
            #!lua name=%1$s
            -- Exact KNN over the semantic cache's Hashes (what valkey-search's FLAT index does).
            -- KEYS[1]: a key with the entries' hash tag (routes the call in a cluster; not read)
            -- ARGV: prefix, k, dim, query (FLOAT32 little-endian), country ('' = no filter), max keys
            local function entry_type(key)
              return redis.call('TYPE', key).ok
            end

            local function knn(keys, args)
              local prefix, k, dim = args[1], tonumber(args[2]), tonumber(args[3])
              local query, country, cap = args[4], args[5], tonumber(args[6])
              if #query ~= 4 * dim then
                return redis.error_reply('query vector has ' .. #query .. ' bytes, expected ' .. 4 * dim)
              end
              local fmt = '<' .. string.rep('f', dim)
              local q = {struct.unpack(fmt, query)}
              local qn = 0
              for i = 1, dim do qn = qn + q[i] * q[i] end
              local cursor, scanned, compared, best = '0', 0, 0, {}
              repeat
                local page = redis.call('SCAN', cursor, 'MATCH', prefix .. '*', 'COUNT', 500)
                cursor = page[1]
                for _, key in ipairs(page[2]) do
                  scanned = scanned + 1
                  if entry_type(key) == 'hash' then
                    local f = redis.call('HMGET', key, 'vec', 'country')
                    local blob = f[1]
                    if blob and #blob == 4 * dim and (country == '' or f[2] == country) then
                      local v = {struct.unpack(fmt, blob)}
                      local dot, vn = 0, 0
                      for i = 1, dim do
                        dot = dot + q[i] * v[i]
                        vn = vn + v[i] * v[i]
                      end
                      local d = 1
                      if qn > 0 and vn > 0 then d = 1 - dot / math.sqrt(qn * vn) end
                      compared = compared + 1
                      best[#best + 1] = {key, d}
                    end
                  end
                end
              until cursor == '0' or scanned >= cap
              table.sort(best, function(a, b)
                if a[2] == b[2] then return a[1] < b[1] end
                return a[2] < b[2]
              end)
              local out = {}
              for i = 1, math.min(k, #best) do
                local f = redis.call('HMGET', best[i][1], 'question', 'answer', 'country', 'group')
                out[#out + 1] = {best[i][1], string.format('%%.9g', best[i][2]),
                                 f[1] or '', f[2] or '', f[3] or '', f[4] or ''}
              end
              -- a Lua number becomes an integer reply, so the distances travel as strings
              return {scanned, compared, (cursor == '0') and 0 or 1, out}
            end

            -- every entry under the prefix: key, question, group, country, vector (for the 2-D map)
            local function entries(keys, args)
              local prefix, cap = args[1], tonumber(args[2])
              local cursor, out = '0', {}
              repeat
                local page = redis.call('SCAN', cursor, 'MATCH', prefix .. '*', 'COUNT', 500)
                cursor = page[1]
                for _, key in ipairs(page[2]) do
                  if #out < cap and entry_type(key) == 'hash' then
                    local f = redis.call('HMGET', key, 'question', 'group', 'country', 'vec')
                    out[#out + 1] = {key, f[1] or '', f[2] or '', f[3] or '', f[4] or ''}
                  end
                end
              until cursor == '0' or #out >= cap
              return out
            end

            redis.register_function{function_name='%1$s_knn', callback=knn, flags={'no-writes'}}
            redis.register_function{function_name='%1$s_entries', callback=entries, flags={'no-writes'}}
            """;

    private final String library;
    private final String code;

    /** The library for this namespace: {@code vx:} gives library {@code vx_semantic}, functions {@code vx_semantic_knn}, … */
    KnnFunction(Namespace namespace) {
        this.library = libraryName(namespace);
        this.code = String.format(Locale.ROOT, LIBRARY, library);
    }

    /** Library names allow letters, digits and underscores: the namespace prefix with the rest replaced. */
    static String libraryName(Namespace namespace) {
        return namespace.prefix().replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+$", "") + "_semantic";
    }

    String library() {
        return library;
    }

    String knnName() {
        return library + "_knn";
    }

    String entriesName() {
        return library + "_entries";
    }

    String code() {
        return code;
    }

    /** FUNCTION LOAD REPLACE: on a cluster, Glide sends it to every primary. */
    ValkeyCall<String> load() {
        return new ValkeyCall<>(List.of("FUNCTION", "LOAD", "REPLACE", "<Lua library " + library + ", "
                + code.lines().count() + " lines>"), List.of(),
                "client.functionLoad(KNN_LIBRARY, true) // replace: true", h -> h.glide() instanceof GlideClient c
                ? c.functionLoad(code, true) : ((GlideClusterClient) h.glide()).functionLoad(code, true));
    }

    /** FCALL {@code <lib>_knn} 1 routeKey prefix k dim query country max. */
    ValkeyCall<Object> knn(String routeKey, String prefix, int k, float[] query, String country) {
        String[] text = {prefix, Integer.toString(k), Integer.toString(query.length),
                "<FLOAT32 × " + query.length + ", " + 4 * query.length + " bytes>", country, Integer.toString(MAX_SCANNED)};
        GlideString[] args = {GlideString.of(prefix), GlideString.of(text[1]), GlideString.of(text[2]),
                GlideString.of(Vectors.toBlob(query)), GlideString.of(country), GlideString.of(text[5])};
        return fcall(knnName(), routeKey, text, args);
    }

    /** FCALL {@code <lib>_entries} 1 routeKey prefix max. */
    ValkeyCall<Object> entries(String routeKey, String prefix, int max) {
        String[] text = {prefix, Integer.toString(max)};
        return fcall(entriesName(), routeKey, text, new GlideString[]{GlideString.of(prefix), GlideString.of(text[1])});
    }

    private static ValkeyCall<Object> fcall(String fn, String routeKey, String[] textArgs, GlideString[] args) {
        List<String> journal = new java.util.ArrayList<>(List.of("FCALL", fn, "1", routeKey));
        journal.addAll(List.of(textArgs));
        StringBuilder java = new StringBuilder("client.fcall(gs(" + JournalFormat.javaString(fn) + "),\n    new GlideString[]{gs("
                + JournalFormat.javaString(routeKey) + ")},\n    new GlideString[]{");
        for (int i = 0; i < textArgs.length; i++) {
            if (i > 0) java.append(", ");
            java.append(textArgs[i].startsWith("<FLOAT32") ? "gs(Vectors.toBlob(query))" : "gs(" + JournalFormat.javaString(textArgs[i]) + ")");
        }
        java.append("})");
        GlideString[] keys = {GlideString.of(routeKey)};
        return new ValkeyCall<>(journal, List.of(), java.toString(), h -> h.glide().fcall(GlideString.of(fn), keys, args));
    }

    /** True when the server says the function is missing (a restarted server, or FUNCTION FLUSH). */
    static boolean missing(Throwable e) {
        String m = JournalFormat.errorMessage(e).toLowerCase(Locale.ROOT);
        return m.contains("function not found") || m.contains("no such function");
    }
}
