package dev.valkeyexplainer.valkey;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The key prefix that fences the app's data off from everything else on a user's server. Every key
 * the app writes starts with it; counts and reset see only keys that start with it.
 *
 * <p>The rule: a namespace always ends with {@code :}, the separator Valkey users put between the
 * parts of a key name. {@code --prefix vx} means {@code vx:}, so the namespace can never cover a
 * foreign key that merely starts with the same letters ({@code vxbackup}, {@code vx_users}). Key
 * names are bytes: {@link #owns(byte[])} checks any byte string, UTF-8 or not.
 */
public record Namespace(String prefix) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.:{}\\-]{1,32}");

    public static final Namespace DEFAULT = new Namespace("vx:");

    /** @throws IllegalArgumentException for characters outside {@code [A-Za-z0-9_.:{}-]} or more than 32 of them */
    public Namespace {
        if (prefix == null || !ALLOWED.matcher(prefix).matches()) {
            throw new IllegalArgumentException("The prefix '" + prefix + "' is not allowed: use 1-32 characters"
                    + " from letters, digits and _ . : { } - (for example vx:).");
        }
        if (!prefix.endsWith(":")) prefix = prefix + ":";
        if (prefix.length() > 33 || prefix.equals(":")) {
            throw new IllegalArgumentException("The prefix must hold at least one character besides ':' (for example vx:).");
        }
    }

    /** A key inside the namespace: {@code key("hll:dau")} gives {@code vx:hll:dau}. */
    public String key(String suffix) {
        return prefix + suffix;
    }

    public boolean owns(String key) {
        return key != null && key.startsWith(prefix);
    }

    /** For key names that are not UTF-8: compares bytes. */
    public boolean owns(byte[] key) {
        byte[] p = prefixBytes();
        return key != null && key.length >= p.length && Arrays.equals(key, 0, p.length, p, 0, p.length);
    }

    public byte[] prefixBytes() {
        return prefix.getBytes(StandardCharsets.UTF_8);
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
