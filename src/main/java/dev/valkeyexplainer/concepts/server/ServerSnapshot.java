package dev.valkeyexplainer.concepts.server;

import dev.valkeyexplainer.valkey.InfoParser;
import java.util.Map;

/**
 * One reading of the server, taken from a single {@code INFO} reply plus a SCAN count of the
 * namespace. Everything the Server tab draws comes from here.
 *
 * @param opsPerSec commands per second between this reading and the previous one (from
 *                  {@code total_commands_processed}; includes this app's own polling)
 * @param nsKeys    keys that start with the namespace prefix, or -1 when not counted yet
 */
public record ServerSnapshot(long atNanos, String version, long uptimeSeconds, long clients, long usedMemory,
                             long maxMemory, String evictionPolicy, long totalCommands, double opsPerSec, long hits,
                             long misses, long dbKeys, long nsKeys) {

    public static ServerSnapshot fromInfo(String info, long atNanos, ServerSnapshot previous, long nsKeys) {
        Map<String, String> f = InfoParser.fields(info);
        long total = InfoParser.longField(f, "total_commands_processed", 0);
        double ops = InfoParser.longField(f, "instantaneous_ops_per_sec", 0);
        if (previous != null && total >= previous.totalCommands && atNanos > previous.atNanos) {
            ops = (total - previous.totalCommands) / ((atNanos - previous.atNanos) / 1e9);
        }
        return new ServerSnapshot(atNanos, f.getOrDefault("valkey_version", f.getOrDefault("redis_version", "?")),
                InfoParser.longField(f, "uptime_in_seconds", 0), InfoParser.longField(f, "connected_clients", 0),
                InfoParser.longField(f, "used_memory", 0), InfoParser.longField(f, "maxmemory", 0),
                f.getOrDefault("maxmemory_policy", "?"), total, ops, InfoParser.longField(f, "keyspace_hits", 0),
                InfoParser.longField(f, "keyspace_misses", 0), InfoParser.db0Keys(f), nsKeys);
    }

    /** Share of key lookups that found their key, or NaN before the first lookup. */
    public double hitRatio() {
        long all = hits + misses;
        return all == 0 ? Double.NaN : (double) hits / all;
    }
}
