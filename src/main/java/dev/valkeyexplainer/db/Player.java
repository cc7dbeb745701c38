package dev.valkeyexplainer.db;

import java.time.Instant;

/** A row of the game's {@code players} table, and the JSON the cache stores for it. */
public record Player(int id, String name, int level, long gold, String guild, Instant updatedAt) {

    /** The cached form: a small JSON document (what the app SETs into Valkey). */
    public String toJson() {
        return "{\"id\":" + id + ",\"name\":" + quote(name) + ",\"level\":" + level + ",\"gold\":" + gold
                + ",\"guild\":" + quote(guild) + ",\"updated_at\":" + quote(updatedAt.toString()) + "}";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Reads the gold figure back out of a cached JSON document (for the stale-vs-fresh comparison). */
    public static long goldOf(String json) {
        return numberAfter(json, "\"gold\":");
    }

    public static long levelOf(String json) {
        return numberAfter(json, "\"level\":");
    }

    private static long numberAfter(String json, String field) {
        int i = json.indexOf(field);
        if (i < 0) return -1;
        int start = i + field.length();
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) end++;
        return Long.parseLong(json.substring(start, end));
    }
}
