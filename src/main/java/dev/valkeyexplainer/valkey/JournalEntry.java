package dev.valkeyexplainer.valkey;

import java.time.Instant;
import java.util.List;

/**
 * One command as the journal shows it: what ran (arguments already masked and elided), on which
 * connection, for which tab, what came back, and how long the round trip took.
 *
 * @param glideJava the Glide Java call that produced the command
 * @param cliLine   the same command as a {@code valkey-cli} line (secrets masked)
 */
public record JournalEntry(long seq, Instant time, String connection, String conceptId, List<String> args,
                           String reply, long micros, boolean error, String glideJava, String cliLine) {

    public JournalEntry {
        args = List.copyOf(args);
    }

    /** The command text as shown in the journal's command column. */
    public String commandText() {
        return String.join(" ", args);
    }
}
