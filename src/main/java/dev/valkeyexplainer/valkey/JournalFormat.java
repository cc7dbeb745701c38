package dev.valkeyexplainer.valkey;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns commands and replies into the short, secret-free text the journal shows. */
public final class JournalFormat {

    static final int MAX_ARG_CHARS = 48;
    static final int MAX_REPLY_CHARS = 80;
    static final int MAX_ARGS = 12;
    static final String MASK = "****";

    private JournalFormat() {
    }

    /** Masks passwords: AUTH, HELLO ... AUTH user pass, CONFIG SET requirepass/masterauth, MIGRATE AUTH. */
    public static List<String> mask(List<String> args) {
        List<String> out = new ArrayList<>(args);
        if (out.isEmpty()) return out;
        String cmd = out.get(0).toUpperCase(Locale.ROOT);
        switch (cmd) {
            case "AUTH" -> {
                for (int i = 1; i < out.size(); i++) {
                    // AUTH pass, or AUTH user pass: the user name is not a secret, the last argument is.
                    if (i == out.size() - 1) out.set(i, MASK);
                }
            }
            case "HELLO" -> {
                for (int i = 1; i < out.size() - 2; i++) {
                    if (out.get(i).equalsIgnoreCase("AUTH")) out.set(i + 2, MASK);
                }
            }
            case "CONFIG" -> {
                for (int i = 2; i < out.size() - 1; i++) {
                    String name = out.get(i).toLowerCase(Locale.ROOT);
                    if (name.equals("requirepass") || name.equals("masterauth")) out.set(i + 1, MASK);
                }
            }
            case "MIGRATE" -> {
                for (int i = 1; i < out.size() - 1; i++) {
                    String word = out.get(i).toUpperCase(Locale.ROOT);
                    if (word.equals("AUTH")) out.set(i + 1, MASK);
                    if (word.equals("AUTH2") && i + 2 < out.size()) out.set(i + 2, MASK);
                }
            }
            case "ACL" -> {
                if (out.size() > 2 && out.get(1).equalsIgnoreCase("SETUSER")) {
                    for (int i = 3; i < out.size(); i++) {
                        String rule = out.get(i);
                        if (rule.startsWith(">") || rule.startsWith("<") || rule.startsWith("#")) out.set(i, rule.charAt(0) + MASK);
                    }
                }
            }
            default -> { }
        }
        return out;
    }

    /** Masked, then long arguments shortened: {@code "abcdef…" (1,204 chars)}. */
    public static List<String> display(List<String> args) {
        List<String> out = new ArrayList<>();
        List<String> masked = mask(args);
        int shown = masked.size() > MAX_ARGS ? MAX_ARGS - 2 : masked.size();
        for (String a : masked.subList(0, shown)) out.add(elide(a, MAX_ARG_CHARS));
        if (shown < masked.size()) out.add(String.format(Locale.ROOT, "…(+%,d more)", masked.size() - shown));
        return out;
    }

    public static String elide(String s, int max) {
        if (s.length() <= max) return s;
        String suffix = "…(" + String.format(Locale.ROOT, "%,d", s.length()) + " chars)";
        return s.substring(0, Math.max(8, max - suffix.length())) + suffix;
    }

    /** A reply in one short line, in the style of valkey-cli. */
    public static String reply(Object value) {
        // one line per row: a multi-line bulk reply (INFO) shows its line breaks as ↵
        return elide(replyText(value, 0).replace("\r\n", "↵").replace("\n", "↵"), MAX_REPLY_CHARS);
    }

    private static String replyText(Object value, int depth) {
        if (value == null) return "(nil)";
        if (value instanceof String s) return "\"" + s + "\"";
        if (value instanceof Long || value instanceof Integer) return "(integer) " + value;
        if (value instanceof Double d) return "(double) " + d;
        if (value instanceof Boolean b) return b ? "(true)" : "(false)";
        if (value instanceof GlideString g) {
            return g.canConvertToString() ? "\"" + g.getString() + "\"" : "<" + String.format(Locale.ROOT, "%,d", g.getBytes().length) + " bytes>";
        }
        if (value instanceof byte[] b) return "<" + String.format(Locale.ROOT, "%,d", b.length) + " bytes>";
        if (value instanceof Object[] arr) {
            if (depth > 0) return "[" + arr.length + " items]";
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < Math.min(arr.length, 4); i++) {
                if (i > 0) sb.append(", ");
                sb.append(replyText(arr[i], depth + 1));
            }
            if (arr.length > 4) sb.append(", … ").append(arr.length).append(" items");
            return sb.append("]").toString();
        }
        if (value instanceof Map<?, ?> m) return "map(" + m.size() + ")";
        if (value instanceof Throwable t) return "(error) " + errorMessage(t);
        return String.valueOf(value);
    }

    /**
     * The message of the innermost cause, without Java class names; Valkey GLIDE's connection errors
     * ("Received connection error `… FatalReceiveError: channel closed`. Will attempt to reconnect")
     * become a sentence a user can read.
     */
    public static String errorMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        String msg = c.getMessage();
        if (msg == null || msg.isBlank()) msg = c.getClass().getSimpleName();
        msg = msg.strip();
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("received connection error") || lower.contains("channel closed")
                || lower.contains("fatalreceiveerror") || lower.contains("fatalsenderror")) {
            return "The connection to the server was lost (the app reconnects by itself; try again in a moment).";
        }
        if (lower.contains("failed to connect to any host")) {
            return "Could not reach the server (it may be restarting; the app tries again by itself).";
        }
        if (c instanceof java.util.concurrent.TimeoutException || lower.equals("request timed out")) {
            return "The server did not answer in time (it may be down or busy).";
        }
        // Glide words a batch's server error "An error was signalled by the server: - PermissionDenied: User …";
        // say it as the server does ("NOPERM User …")
        java.util.regex.Matcher signalled = SIGNALLED.matcher(msg);
        if (signalled.matches()) {
            String kind = signalled.group(1);
            return (kind.equals("PermissionDenied") ? "NOPERM" : kind) + " " + signalled.group(2).strip();
        }
        return msg;
    }

    private static final java.util.regex.Pattern SIGNALLED =
            java.util.regex.Pattern.compile("(?s)An error was signalled by the server:\\s*-?\\s*(\\w+):\\s*(.*)");

    /** The command as a valkey-cli line; arguments with spaces or quotes are quoted. */
    public static String cliLine(List<String> args, ConnectionTarget target) {
        StringBuilder sb = new StringBuilder("valkey-cli");
        if (target != null) {
            sb.append(" -h ").append(target.host()).append(" -p ").append(target.port());
            if (target.tls()) sb.append(" --tls");
            if (target.username() != null) sb.append(" --user ").append(target.username());
            if (target.hasPassword()) sb.append(" -a '").append(MASK).append("'");
            if (target.database() > 0) sb.append(" -n ").append(target.database());
        }
        for (String a : mask(args)) sb.append(' ').append(quote(a));
        return sb.toString();
    }

    static String quote(String a) {
        if (!a.isEmpty() && a.chars().allMatch(ch -> ch > 32 && ch < 127 && ch != '"' && ch != '\'' && ch != '\\')) return a;
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : a.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 32) sb.append(String.format("\\x%02x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * A key name or value as text: UTF-8 when it is valid UTF-8 without control characters,
     * otherwise printable ASCII with every other byte as {@code \xNN} (as valkey-cli prints it).
     */
    public static String bytesText(byte[] b) {
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try {
            String s = d.decode(java.nio.ByteBuffer.wrap(b)).toString();
            if (s.chars().noneMatch(ch -> ch < 32 || ch == 127)) return s;
        } catch (java.nio.charset.CharacterCodingException e) {
            // not UTF-8: escape below
        }
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int v = x & 0xff;
            if (v >= 32 && v < 127 && v != '\\') sb.append((char) v);
            else sb.append(String.format(Locale.ROOT, "\\x%02x", v));
        }
        return sb.toString();
    }

    /** A Java string literal of the argument (for generated Glide snippets). */
    public static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** {@code new String[]{"A", "B"}} for the masked arguments. */
    public static String javaArray(List<String> args) {
        return "new String[]{" + String.join(", ", mask(args).stream().map(JournalFormat::javaString).toList()) + "}";
    }
}
