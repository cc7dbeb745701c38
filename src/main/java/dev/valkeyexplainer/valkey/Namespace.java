package dev.valkeyexplainer.valkey;

import java.util.regex.Pattern;

/**
 * The key prefix that fences the app's data off from everything else on a user's server. Every key
 * the app writes starts with it, and reset deletes only keys that start with it.
 */
public record Namespace(String prefix) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.:{}\\-]{1,32}");

    public static final Namespace DEFAULT = new Namespace("vx:");

    public Namespace {
        if (prefix == null || !ALLOWED.matcher(prefix).matches()) {
            throw new IllegalArgumentException("The prefix '" + prefix + "' is not allowed: use 1-32 characters"
                    + " from letters, digits and _ . : { } - (for example vx:).");
        }
        if (prefix.contains("*") || prefix.contains("?") || prefix.contains("[")) {
            throw new IllegalArgumentException("The prefix must not contain glob characters.");
        }
    }

    /** A key inside the namespace: {@code key("hll:dau")} gives {@code vx:hll:dau}. */
    public String key(String suffix) {
        return prefix + suffix;
    }

    public boolean owns(String key) {
        return key != null && key.startsWith(prefix);
    }

    /** The SCAN MATCH pattern for every key of the namespace (the prefix holds no glob characters). */
    public String matchPattern() {
        return prefix + "*";
    }

    /** Throws when a write would land outside the namespace. */
    public void requireOwned(String command, String key) {
        if (!owns(key)) {
            throw new NamespaceViolation("Refused " + command + " on '" + key + "': the app only writes keys that start with '"
                    + prefix + "'.");
        }
    }

    /** A write that would touch a key outside the namespace. */
    public static final class NamespaceViolation extends IllegalStateException {
        public NamespaceViolation(String message) {
            super(message);
        }
    }
}
