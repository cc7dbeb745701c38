package dev.valkeyexplainer.valkey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code field:value} lines of INFO and the reply of MODULE LIST. */
public final class InfoParser {

    private InfoParser() {
    }

    public static Map<String, String> fields(String info) {
        Map<String, String> out = new LinkedHashMap<>();
        if (info == null) return out;
        for (String line : info.split("\r?\n")) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon > 0) out.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return out;
    }

    public static long longField(Map<String, String> f, String name, long fallback) {
        String v = f.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(v);
            } catch (NumberFormatException e2) {
                return fallback;
            }
        }
    }

    /** Keys in database 0 from the keyspace section ({@code db0:keys=12,expires=0,...}). */
    public static long db0Keys(Map<String, String> f) {
        String v = f.get("db0");
        if (v == null) return 0;
        for (String part : v.split(",")) {
            if (part.startsWith("keys=")) return Long.parseLong(part.substring(5));
        }
        return 0;
    }

    /**
     * The data-model modules the tabs care about, by their short names: json, bloom, search. A
     * MODULE LIST reply is an array of maps (RESP3) or of flat name/value arrays (RESP2).
     */
    public static List<String> modules(Object moduleList) {
        List<String> out = new ArrayList<>();
        if (!(moduleList instanceof Object[] arr)) return out;
        for (Object m : arr) {
            String name = null;
            if (m instanceof Map<?, ?> map) {
                Object n = map.get("name");
                if (n != null) name = n.toString();
            } else if (m instanceof Object[] flat) {
                for (int i = 0; i + 1 < flat.length; i += 2) {
                    if ("name".equals(String.valueOf(flat[i]))) name = String.valueOf(flat[i + 1]);
                }
            }
            if (name == null) continue;
            String lower = name.toLowerCase(Locale.ROOT);
            String shortName = lower.contains("json") ? "json"
                    : (lower.equals("bf") || lower.contains("bloom")) ? "bloom"
                    : (lower.contains("search") || lower.equals("ft")) ? "search" : lower;
            if (!out.contains(shortName)) out.add(shortName);
        }
        return out;
    }
}
