package dev.valkeyexplainer.concept;

import dev.valkeyexplainer.valkey.JournalEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Valkey commands a piece of Glide code names, read from its text, so a test can check that the
 * two languages of a {@link Snippet} agree with each other and with what a step really sent (the
 * journal). It knows the Glide methods the concepts use ({@code client.get(…)} / {@code await
 * client.get(…)}, {@code customCommand(new String[]{"MEMORY", …})} / {@code custom_command(["MEMORY",
 * …])}, {@code invokeScript} / {@code invoke_script} = EVALSHA, and an atomic batch, {@code new
 * Batch(true)} / {@code Batch(is_atomic=True)} = MULTI … EXEC); comments and the contents of string
 * literals are ignored, and so is Java's {@code .get()} without arguments (a future's get).
 * Add a method to {@link #METHODS} when a snippet uses one that is missing.
 */
public final class SnippetCheck {

    /** Glide method names (lower case, underscores removed) → the command they send. */
    static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("get", "GET"), Map.entry("set", "SET"), Map.entry("del", "DEL"), Map.entry("delete", "DEL"),
            Map.entry("unlink", "UNLINK"), Map.entry("exists", "EXISTS"), Map.entry("ttl", "TTL"), Map.entry("pttl", "PTTL"),
            Map.entry("expire", "EXPIRE"), Map.entry("pexpire", "PEXPIRE"), Map.entry("persist", "PERSIST"),
            Map.entry("incr", "INCR"), Map.entry("incrby", "INCRBY"), Map.entry("append", "APPEND"), Map.entry("strlen", "STRLEN"),
            Map.entry("mget", "MGET"), Map.entry("pfadd", "PFADD"), Map.entry("pfcount", "PFCOUNT"), Map.entry("pfmerge", "PFMERGE"),
            Map.entry("sadd", "SADD"), Map.entry("srem", "SREM"), Map.entry("scard", "SCARD"), Map.entry("smembers", "SMEMBERS"),
            Map.entry("sismember", "SISMEMBER"), Map.entry("hset", "HSET"), Map.entry("hget", "HGET"),
            Map.entry("hgetall", "HGETALL"), Map.entry("hincrby", "HINCRBY"), Map.entry("zadd", "ZADD"),
            Map.entry("zscore", "ZSCORE"), Map.entry("zcard", "ZCARD"), Map.entry("geoadd", "GEOADD"),
            Map.entry("geosearch", "GEOSEARCH"), Map.entry("publish", "PUBLISH"), Map.entry("info", "INFO"),
            Map.entry("scan", "SCAN"), Map.entry("ping", "PING"), Map.entry("dbsize", "DBSIZE"),
            Map.entry("invokescript", "EVALSHA"), Map.entry("fcall", "FCALL"), Map.entry("functionload", "FUNCTION"));

    private static final Pattern METHOD = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)\\(\\s*(\\)?)");
    private static final Pattern JAVA_CUSTOM = Pattern.compile(
            "customCommand\\(\\s*new\\s+(?:Glide)?String\\[]\\s*\\{\\s*\"([A-Za-z.]+)\"");
    private static final Pattern PYTHON_CUSTOM = Pattern.compile("custom_command\\(\\s*\\[\\s*\"([A-Za-z.]+)\"");
    private static final Pattern JAVA_ATOMIC = Pattern.compile("new\\s+(?:Cluster)?Batch\\(\\s*true\\s*\\)");
    private static final Pattern PYTHON_ATOMIC = Pattern.compile("(?:Cluster)?Batch\\(\\s*is_atomic\\s*=\\s*True\\s*\\)");

    private SnippetCheck() {
    }

    /** The commands {@code code} sends, upper case, sorted (a set: how often does not matter). */
    public static SortedSet<String> commands(String code, CodeLanguage language) {
        boolean java = language == CodeLanguage.JAVA;
        String noComments = stripComments(code, java);
        SortedSet<String> out = new TreeSet<>();
        Matcher custom = (java ? JAVA_CUSTOM : PYTHON_CUSTOM).matcher(noComments);
        while (custom.find()) out.add(custom.group(1).toUpperCase(Locale.ROOT));
        if ((java ? JAVA_ATOMIC : PYTHON_ATOMIC).matcher(noComments).find()) {
            out.add("MULTI");
            out.add("EXEC");
        }
        Matcher m = METHOD.matcher(blankStrings(noComments, java));
        while (m.find()) {
            String name = m.group(1).replace("_", "").toLowerCase(Locale.ROOT);
            boolean noArgs = m.group(2) != null && !m.group(2).isEmpty();
            if (java && noArgs && name.equals("get")) continue; // CompletableFuture.get()
            String cmd = METHODS.get(name);
            if (cmd != null) out.add(cmd);
        }
        return out;
    }

    /** Both languages of a snippet: the commands they name, or a sentence saying how they differ. */
    public static java.util.Optional<String> mismatch(Snippet s) {
        SortedSet<String> j = commands(s.java(), CodeLanguage.JAVA);
        SortedSet<String> p = commands(s.python(), CodeLanguage.PYTHON);
        return j.equals(p) ? java.util.Optional.empty() : java.util.Optional.of("Java names " + j + ", Python names " + p);
    }

    /**
     * The commands journal rows stand for: each command of a row (a batch keeps its first 50), plus
     * MULTI and EXEC for an atomic batch. Connection events are skipped.
     */
    public static SortedSet<String> sent(List<JournalEntry> rows) {
        SortedSet<String> out = new TreeSet<>();
        for (JournalEntry e : rows) {
            if (e.kind() == JournalEntry.Kind.EVENT) continue;
            if (e.kind() == JournalEntry.Kind.MULTI) {
                out.add("MULTI");
                out.add("EXEC");
            }
            for (List<String> c : e.commands()) out.add(c.get(0).toUpperCase(Locale.ROOT));
        }
        return out;
    }

    /** Removes {@code // …} (Java) or {@code # …} (Python) comments outside string literals. */
    static String stripComments(String code, boolean java) {
        StringBuilder out = new StringBuilder(code.length());
        for (String line : code.split("\n", -1)) {
            char quote = 0;
            int cut = line.length();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == '\\') i++;
                    else if (c == quote) quote = 0;
                } else if (c == '"' || (!java && c == '\'')) {
                    quote = c;
                } else if (java ? c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/' : c == '#') {
                    cut = i;
                    break;
                }
            }
            out.append(line, 0, cut).append('\n');
        }
        return out.toString();
    }

    /** Replaces the contents of string literals with spaces, so a Lua script's {@code redis.call} is not read as Glide. */
    static String blankStrings(String code, boolean java) {
        StringBuilder out = new StringBuilder(code);
        char quote = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < out.length()) {
                    out.setCharAt(i, ' ');
                    out.setCharAt(++i, ' ');
                } else if (c == quote) {
                    quote = 0;
                } else if (c != '\n') {
                    out.setCharAt(i, ' ');
                }
            } else if (c == '"' || (!java && c == '\'')) {
                quote = c;
            }
        }
        return out.toString();
    }
}
