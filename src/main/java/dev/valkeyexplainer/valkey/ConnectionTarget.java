package dev.valkeyexplainer.valkey;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the app connects, read from a URL the way valkey-cli reads one
 * ({@code src/cli_common.c}, {@code parseRedisUri}): {@code valkey://[[user]:password@]host[:port][/db]},
 * also {@code valkeys://} for TLS and the {@code redis://} / {@code rediss://} spellings. In the
 * user and password, {@code %XX} escapes are decoded and every other character is literal (a
 * {@code +} stays a {@code +}: this is not a form encoding). {@code valkey://secret@host} means a
 * password for the default user. IPv6 hosts go in brackets; host names may be internationalised
 * (they are converted to their ASCII form, RFC 3490). The database number selects a logical
 * database (Glide's {@code databaseId}); reset and counts then act on that database.
 *
 * <p>The password never appears in {@link #toString()} or {@link #redacted()}, and no message of a
 * parse error contains any part of it: those are what the journal, logs, dialogs and screenshots show.
 */
public record ConnectionTarget(String host, int port, String username, String password, boolean tls,
                               boolean embedded, int database) {

    public static final int DEFAULT_PORT = 6379;
    private static final String EXAMPLE = "Example: valkey://user:password@localhost:6379/0";

    public ConnectionTarget {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host is empty");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        if (database < 0) throw new IllegalArgumentException("database " + database + " is negative");
    }

    public ConnectionTarget(String host, int port, String username, String password, boolean tls, boolean embedded) {
        this(host, port, username, password, tls, embedded, 0);
    }

    /** The app's own sandbox server on loopback. */
    public static ConnectionTarget embedded(int port, String password) {
        return new ConnectionTarget("127.0.0.1", port, null, password, false, true, 0);
    }

    /**
     * Parses a connection URL typed by a user.
     *
     * @throws IllegalArgumentException with a message that can be shown as it is (never containing the password)
     */
    public static ConnectionTarget parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("The address is empty. " + EXAMPLE);
        String s = text.strip();
        int sep = s.indexOf("://");
        if (sep < 0) {
            throw new IllegalArgumentException("The address has no scheme. Use valkey://host:port (or valkeys:// for TLS). "
                    + EXAMPLE);
        }
        String scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "valkey", "redis" -> false;
            case "valkeys", "rediss" -> true;
            default -> throw new IllegalArgumentException("Unknown scheme '" + printable(scheme)
                    + "://'. Use valkey://, valkeys:// (TLS), redis:// or rediss://.");
        };
        String rest = s.substring(sep + 3);
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String info = rest.substring(0, at);
            checkUserinfo(info);
            int colon = info.indexOf(':');
            if (colon < 0) {
                password = decode(info, "password"); // valkey://secret@host: a password for the default user
            } else {
                user = decode(info.substring(0, colon), "user name");
                password = decode(info.substring(colon + 1), "password");
                if (user.isEmpty()) user = null;
            }
            if (password.isEmpty()) password = null;
            rest = rest.substring(at + 1);
        }
        String shown = scheme + "://" + (at >= 0 ? "****@" : "") + rest; // what a message may echo
        int end = firstOf(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        String tail = end < 0 ? "" : rest.substring(end);
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("'" + printable(shown) + "': the IPv6 address has no closing ].");
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("'" + printable(shown) + "': after the IPv6 address only :port may follow.");
                }
                portText = after.substring(1);
            }
            if (!host.matches("[0-9A-Fa-f:.]+")) {
                throw new IllegalArgumentException("'" + printable(shown) + "': '" + printable(host) + "' is not an IPv6 address"
                        + " (zone ids such as %eth0 are not supported).");
            }
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("'" + printable(shown) + "': an IPv6 address must be written in brackets,"
                        + " e.g. valkey://[::1]:6379.");
            }
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) portText = authority.substring(colon + 1);
        }
        if (host.isEmpty()) throw new IllegalArgumentException("'" + printable(shown) + "' has no host name. " + EXAMPLE);
        host = asciiHost(host, shown);
        int port = DEFAULT_PORT;
        if (portText != null) {
            if (!portText.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("The port in '" + printable(shown) + "' is not a number from 1 to 65535.");
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) throw new IllegalArgumentException("Port " + port + " is out of range 1-65535.");
        }
        int database = 0;
        if (tail.startsWith("?") || tail.startsWith("#") || tail.contains("?") || tail.contains("#")) {
            throw new IllegalArgumentException("'" + printable(shown) + "': options after ? or # are not supported; put the"
                    + " database number in the path (/3).");
        }
        if (tail.length() > 1) {
            String db = tail.substring(1);
            if (db.endsWith("/")) db = db.substring(0, db.length() - 1);
            if (!db.matches("\\d{1,6}")) {
                throw new IllegalArgumentException("'" + printable(shown) + "': the path must be a database number, like /0 or /3.");
            }
            database = Integer.parseInt(db);
        }
        return new ConnectionTarget(host, port, user, password, tls, false, database);
    }

    /**
     * Characters that end the user information in a URL, or start an escape, cannot be written as
     * themselves in a password: say which ones (never the password itself) and how to write them.
     */
    private static void checkUserinfo(String info) {
        List<String> problems = new ArrayList<>();
        if (info.indexOf('@') >= 0) problems.add("@ as %40");
        if (info.indexOf('/') >= 0) problems.add("/ as %2F");
        if (info.indexOf('?') >= 0) problems.add("? as %3F");
        if (info.indexOf('#') >= 0) problems.add("# as %23");
        for (int i = info.indexOf('%'); i >= 0; i = info.indexOf('%', i + 1)) {
            if (i + 2 >= info.length() || !isHex(info.charAt(i + 1)) || !isHex(info.charAt(i + 2))) {
                problems.add("% as %25");
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The user name or password in the address holds characters that must be"
                    + " percent-encoded: write " + String.join(", ", problems) + ". (The password is not shown here.)");
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Percent-decoding as valkey-cli does it: %XX becomes the byte XX (UTF-8 text), everything else stays. */
    private static String decode(String s, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) { // checked: two hex digits follow
                out.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String asciiHost(String host, String shown) {
        boolean ascii = host.chars().allMatch(c -> c < 128);
        String h = host;
        if (!ascii) {
            try {
                h = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The host name '" + printable(host) + "' is not a valid internationalised"
                        + " domain name: " + e.getMessage());
            }
        }
        if (h.contains(":")) return h; // IPv6, checked above
        if (!h.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("'" + printable(shown) + "': the host name '" + printable(host) + "' may only hold"
                    + " letters, digits, '-', '_' and '.' (or be an IPv6 address in brackets).");
        }
        return h;
    }

    private static int firstOf(String s, String chars) {
        int best = -1;
        for (char c : chars.toCharArray()) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    /** Text from the user, safe to print: control characters escaped, long text cut. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 32 || c == 127) sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.length() > 120 ? sb.substring(0, 117) + "…" : sb.toString();
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
        return scheme + "://" + auth + h + ":" + port + (database == 0 ? "" : "/" + database);
    }

    /** The address as a URL to edit again: the user name is kept, the password is left out. */
    public String withoutPassword() {
        String user = username == null ? "" : username + "@";
        return (tls ? "valkeys://" : "valkey://") + user + (host.contains(":") ? "[" + host + "]" : host) + ":" + port
                + (database == 0 ? "" : "/" + database);
    }

    @Override
    public String toString() {
        return redacted() + (embedded ? " (embedded sandbox)" : "");
    }
}
