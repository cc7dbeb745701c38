package dev.valkeyexplainer.valkey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the journal: what ran, on which connection, for which concept, what came back, and how
 * long the round trip took. It keeps only what a row needs, compactly (at most {@link #KEPT_COMMANDS}
 * commands of a batch, each argument cut at {@link #KEPT_ARG_CHARS} characters, the reply already
 * summarised), and formats the command text, the valkey-cli lines and the Python lazily, when a row is
 * shown or copied. Secrets are masked whenever text is made.
 *
 * @param kind       one command, a pipeline, a MULTI/EXEC, or an event (a connect) described in {@code commands}
 * @param commands   the first commands of the row (one for {@link Kind#COMMAND}), arguments shortened
 * @param count      how many commands the row stands for (a batch may hold thousands)
 * @param glideJava  the Glide Java call that produced the row
 * @param target     the server, for valkey-cli's {@code -h/-p} (its password is never printed)
 */
public record JournalEntry(long seq, Instant time, String connection, String conceptId, Kind kind,
                           List<List<String>> commands, int count, String reply, long micros, boolean error,
                           String glideJava, ConnectionTarget target) {

    public enum Kind { COMMAND, PIPELINE, MULTI, EVENT }

    static final int KEPT_COMMANDS = 50;
    static final int KEPT_ARG_CHARS = 1_024;

    public JournalEntry {
        commands = List.copyOf(commands);
    }

    /** A row for one command (its arguments are shortened here). */
    public static JournalEntry command(long seq, Instant time, String connection, String conceptId, List<String> args,
                                       String reply, long micros, boolean error, String glideJava, ConnectionTarget target) {
        return new JournalEntry(seq, time, connection, conceptId, Kind.COMMAND, List.of(keep(args)), 1, reply, micros, error,
                glideJava, target);
    }

    /** A row for a pipeline or a MULTI/EXEC of many commands (the first {@link #KEPT_COMMANDS} are kept). */
    public static JournalEntry batch(long seq, Instant time, String connection, String conceptId, boolean atomic,
                                     List<List<String>> all, String reply, long micros, boolean error, String glideJava,
                                     ConnectionTarget target) {
        List<List<String>> kept = new ArrayList<>();
        for (List<String> c : all.subList(0, Math.min(all.size(), KEPT_COMMANDS))) kept.add(keep(c));
        return new JournalEntry(seq, time, connection, conceptId, atomic ? Kind.MULTI : Kind.PIPELINE, kept, all.size(),
                reply, micros, error, glideJava, target);
    }

    private static List<String> keep(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        for (String a : args) out.add(a.length() <= KEPT_ARG_CHARS ? a : JournalFormat.elide(a, KEPT_ARG_CHARS));
        return List.copyOf(out);
    }

    /** The command column's words: masked, long arguments elided; a batch as {@code PIPELINE 5,000× PFADD …}. */
    public List<String> args() {
        if (kind == Kind.COMMAND || kind == Kind.EVENT) return JournalFormat.display(commands.get(0));
        return batchDisplay();
    }

    private List<String> batchDisplay() {
        boolean atomic = kind == Kind.MULTI;
        List<String> out = new ArrayList<>();
        if (count <= 4) {
            out.add(atomic ? "MULTI;" : "PIPELINE[");
            for (List<String> cmd : commands) {
                out.addAll(JournalFormat.display(cmd));
                out.set(out.size() - 1, out.get(out.size() - 1) + ";");
            }
            out.add(atomic ? "EXEC" : "]");
        } else {
            out.add(atomic ? "MULTI" : "PIPELINE");
            out.add(String.format(Locale.ROOT, "%,d×", count));
            out.addAll(JournalFormat.display(commands.get(0)));
            out.add("…");
        }
        return out;
    }

    /** The command text as shown in the journal's command column. */
    public String commandText() {
        return String.join(" ", args());
    }

    /**
     * The row as valkey-cli input. One command is one line; a pipeline or MULTI/EXEC is one valkey-cli
     * reading its commands from standard input, so they share one connection (MULTI … EXEC must).
     */
    public String cliLine() {
        if (kind == Kind.EVENT) {
            return "valkey-cli -h " + (target == null ? "?" : target.host() + " -p " + target.port());
        }
        if (kind == Kind.COMMAND) return JournalFormat.cliLine(commands.get(0), target);
        String cli = JournalFormat.cliLine(List.of(), target);
        StringBuilder sb = new StringBuilder(cli).append(" <<'EOF'\n");
        if (kind == Kind.MULTI) sb.append("MULTI\n");
        for (List<String> cmd : commands) {
            sb.append(JournalFormat.cliLine(cmd, null).substring("valkey-cli ".length())).append('\n');
        }
        if (count > commands.size()) sb.append(String.format(Locale.ROOT, "# … %,d more commands%n", count - commands.size()));
        if (kind == Kind.MULTI) sb.append("EXEC\n");
        return sb.append("EOF").toString();
    }

    /** The row as Valkey GLIDE for Python (a batch as a {@code Batch} of the first commands). */
    public String glidePython() {
        if (kind == Kind.EVENT) return "client = await GlideClient.create(config)";
        if (kind == Kind.COMMAND) return GlidePython.call(commands.get(0));
        StringBuilder py = new StringBuilder("batch = Batch(is_atomic=" + (kind == Kind.MULTI ? "True" : "False") + ")\n");
        for (List<String> cmd : commands) {
            py.append(GlidePython.call(cmd).replaceFirst("^await client\\.", "batch.")).append('\n');
        }
        if (count > commands.size()) py.append(String.format(Locale.ROOT, "# … %,d more commands%n", count - commands.size()));
        return py.append("await client.exec(batch, raise_on_error=False)").toString();
    }
}
