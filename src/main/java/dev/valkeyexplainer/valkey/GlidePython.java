package dev.valkeyexplainer.valkey;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A command as the Valkey GLIDE for Python call that sends it ({@code await client.get("k")}), for the
 * journal's "Copy as Glide Python" and for code generated from the calls a step made. Commands with a
 * simple typed method in glide-python (valkey-glide 2.x, {@code glide/async_commands/core.py}) use it;
 * everything else uses {@code custom_command}, which sends exactly the same arguments.
 */
public final class GlidePython {

    private GlidePython() {
    }

    /** The Python statement for these (already masked) arguments. */
    public static String call(List<String> args) {
        List<String> a = JournalFormat.mask(args);
        String cmd = a.get(0).toUpperCase(Locale.ROOT);
        List<String> rest = a.subList(1, a.size());
        int n = rest.size();
        String typed = switch (cmd) {
            case "GET", "TTL", "PTTL", "INCR", "DECR", "HGETALL", "SCARD", "SMEMBERS", "STRLEN", "TYPE", "ZCARD", "HLEN",
                 "PERSIST", "LLEN" -> n == 1 ? method(cmd, str(rest.get(0))) : null;
            case "SET" -> n == 2 ? method(cmd, str(rest.get(0)), str(rest.get(1))) : null;
            case "DEL" -> method("delete", list(rest));
            case "UNLINK", "EXISTS", "PFCOUNT" -> method(cmd, list(rest));
            case "PFADD", "SADD", "SREM", "RPUSH", "LPUSH" ->
                    n >= 1 ? method(cmd, str(rest.get(0)), list(rest.subList(1, n))) : null;
            case "PFMERGE" -> n >= 1 ? method(cmd, str(rest.get(0)), list(rest.subList(1, n))) : null;
            case "HGET", "SISMEMBER", "ZSCORE", "GEOHASH", "GEOPOS" -> n == 2 && (cmd.equals("HGET") || cmd.equals("SISMEMBER")
                    || cmd.equals("ZSCORE")) ? method(cmd, str(rest.get(0)), str(rest.get(1))) : null;
            case "HSET" -> n >= 3 && n % 2 == 1 ? method(cmd, str(rest.get(0)), map(rest.subList(1, n))) : null;
            case "HINCRBY", "INCRBY" -> cmd.equals("HINCRBY") && n == 3
                    ? method(cmd, str(rest.get(0)), str(rest.get(1)), rest.get(2))
                    : cmd.equals("INCRBY") && n == 2 ? method(cmd, str(rest.get(0)), rest.get(1)) : null;
            case "EXPIRE", "PEXPIRE" -> n == 2 ? method(cmd, str(rest.get(0)), rest.get(1)) : null;
            case "PUBLISH" -> n == 2 ? "await client.publish(" + str(rest.get(1)) + ", " + str(rest.get(0)) + ")" : null;
            case "PING" -> n == 0 ? "await client.ping()" : null;
            default -> null;
        };
        return typed != null ? typed : "await client.custom_command(" + list(a) + ")";
    }

    private static String method(String cmd, String... args) {
        return "await client." + cmd.toLowerCase(Locale.ROOT) + "(" + String.join(", ", args) + ")";
    }

    /** A Python string literal. */
    public static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String list(List<String> items) {
        return items.stream().map(GlidePython::str).collect(Collectors.joining(", ", "[", "]"));
    }

    static String map(List<String> pairs) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            if (i > 0) sb.append(", ");
            sb.append(str(pairs.get(i))).append(": ").append(str(pairs.get(i + 1)));
        }
        return sb.append("}").toString();
    }
}
