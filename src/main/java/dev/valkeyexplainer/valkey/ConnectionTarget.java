package dev.valkeyexplainer.valkey;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the app connects: parsed from {@code valkey://[user:password@]host:port} (also {@code valkeys://}
 * for TLS, and the {@code redis://} / {@code rediss://} spellings). The password never appears in
 * {@link #toString()} or {@link #redacted()}: those are what the journal, logs and screenshots show.
 */
public record ConnectionTarget(String host, int port, String username, String password, boolean tls,
                               boolean embedded) {

    public static final int DEFAULT_PORT = 6379;

    public ConnectionTarget {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host is empty");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
    }

    /** The app's own sandbox server on loopback. */
    public static ConnectionTarget embedded(int port, String password) {
        return new ConnectionTarget("127.0.0.1", port, null, password, false, true);
    }

    /**
     * Parses a connection address typed by a user. Every malformed input gets an
     * {@link IllegalArgumentException} whose message can be shown as it is.
     */
    public static ConnectionTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The address is empty. Example: valkey://localhost:6379");
        }
        String trimmed = text.strip();
        if (!trimmed.contains("://")) {
            throw new IllegalArgumentException("'" + maskPassword(trimmed) + "' has no scheme. Use valkey://host:port"
                    + " (or valkeys:// for TLS).");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + maskPassword(trimmed) + "' is not a valid address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "valkey", "redis" -> false;
            case "valkeys", "rediss" -> true;
            default -> throw new IllegalArgumentException("Unknown scheme '" + scheme
                    + "://'. Use valkey://, valkeys:// (TLS), redis:// or rediss://.");
        };
        String host = uri.getHost();
        String authority = uri.getRawAuthority();
        if (host == null && authority != null) {
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = hostPort.lastIndexOf(':');
            if (colon > 0 && !hostPort.substring(colon + 1).matches("\\d+")) {
                throw new IllegalArgumentException("The port in '" + maskPassword(trimmed) + "' is not a number from 1 to 65535.");
            }
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("'" + maskPassword(trimmed) + "' has no host name. Example: valkey://localhost:6379");
        }
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is out of range 1-65535.");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            if (colon < 0) {
                password = decode(info); // valkey://secret@host means a password for the default user
            } else {
                user = decode(info.substring(0, colon));
                password = decode(info.substring(colon + 1));
                if (user.isEmpty()) user = null;
            }
        }
        return new ConnectionTarget(host, port, user, password, tls, false);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The address with any password replaced by asterisks, for messages about text a user typed. */
    public static String maskPassword(String address) {
        return address.replaceAll("(://[^:/@]*:)[^@/]*@", "$1****@").replaceAll("(://)([^:/@]+)@", "$1****@");
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** The address as it may be shown anywhere: the password is masked. */
    public String redacted() {
        String scheme = tls ? "valkeys" : "valkey";
        String auth = "";
        if (hasPassword()) auth = (username == null ? "default" : username) + ":****@";
        else if (username != null) auth = username + "@";
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + auth + h + ":" + port;
    }

    /** The address as a URL to edit again: the user name is kept, the password is left out. */
    public String withoutPassword() {
        String user = username == null ? "" : username + "@";
        return (tls ? "valkeys://" : "valkey://") + user + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return redacted() + (embedded ? " (embedded sandbox)" : "");
    }
}
