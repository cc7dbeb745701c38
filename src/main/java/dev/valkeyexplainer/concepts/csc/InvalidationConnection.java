package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.JournalFormat;
import io.valkey.ClientSetInfoConfig;
import io.valkey.CommandArguments;
import io.valkey.Connection;
import io.valkey.DefaultJedisClientConfig;
import io.valkey.HostAndPort;
import io.valkey.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Connection 0 of the pool: the invalidation (control) connection. It is a plain RESP2 connection from
 * {@code io.valkey:valkey-java}, not a Glide client, because Glide 2.3.1 drops RESP3 {@code invalidate}
 * pushes and its pub/sub refuses RESP2. It takes its {@code CLIENT ID} (the data connections redirect to
 * it) and subscribes to {@code __redis__:invalidate}, where the server delivers, in RESP2, a pub/sub
 * {@code message} whose payload is an array of keys, or null after FLUSHALL / FLUSHDB (everything).
 *
 * <p>It is not a gateway client, so it journals itself: what it sends (CLIENT ID, SUBSCRIBE) and every
 * message it receives, under the connection name {@code conn-0}. Its reads block: {@link #run} belongs on
 * a thread of its own (the app's blocking executor), never the FX thread or Glide's threads. The target's
 * password is used to log in and is never written anywhere.
 */
final class InvalidationConnection implements AutoCloseable {

    static final String CHANNEL = "__redis__:invalidate";
    static final String NAME = "conn-0";
    private static final int TIMEOUT_MS = 2_000;

    /** One invalidation message: the keys that changed, or null meaning "everything" (a flush). */
    record Message(List<String> keys) {
        boolean everything() {
            return keys == null;
        }
    }

    private final Connection connection;
    private final CommandJournal journal;
    private final String conceptId;
    private final ConnectionTarget target;
    private final long clientId;
    private volatile boolean closing;

    private InvalidationConnection(Connection connection, CommandJournal journal, String conceptId, ConnectionTarget target,
                                   long clientId) {
        this.connection = connection;
        this.journal = journal;
        this.conceptId = conceptId;
        this.target = target;
        this.clientId = clientId;
    }

    /**
     * Blocking: connects (RESP2, logging in with the target's credentials), sends CLIENT ID, then
     * SUBSCRIBE __redis__:invalidate and reads its confirmation.
     *
     * @throws io.valkey.exceptions.JedisException when the server cannot be reached or refuses a command
     */
    static InvalidationConnection open(ConnectionTarget t, CommandJournal journal, String conceptId) {
        long t0 = System.nanoTime();
        Connection c;
        try {
            c = connect(t, true);
        } catch (RuntimeException named) {
            // a restricted ACL user may not run CLIENT SETNAME (sent while connecting): try once without a name
            if (!JournalFormat.errorMessage(named).toUpperCase(java.util.Locale.ROOT).contains("NOPERM")) {
                event(journal, conceptId, t, "CONNECT " + t.redacted() + " as " + NAME + " (RESP2, valkey-java)",
                        "(error) " + JournalFormat.errorMessage(named));
                throw named;
            }
            try {
                c = connect(t, false);
            } catch (RuntimeException e) {
                event(journal, conceptId, t, "CONNECT " + t.redacted() + " as " + NAME + " (RESP2, valkey-java)",
                        "(error) " + JournalFormat.errorMessage(e));
                throw e;
            }
        }
        event(journal, conceptId, t, "CONNECT " + t.redacted() + " as " + NAME + " (RESP2, valkey-java)", "OK");
        try {
            t0 = System.nanoTime();
            long id = (Long) c.executeCommand(new CommandArguments(Protocol.Command.CLIENT).add("ID"));
            row(journal, conceptId, t, List.of("CLIENT", "ID"), "(integer) " + id, t0, false,
                    "long id = conn0.executeCommand(new CommandArguments(Command.CLIENT).add(\"ID\"))");
            t0 = System.nanoTime();
            c.sendCommand(Protocol.Command.SUBSCRIBE, CHANNEL);
            List<Object> ack = c.getObjectMultiBulkReply(); // flushes SUBSCRIBE, reads ["subscribe", channel, 1]
            row(journal, conceptId, t, List.of("SUBSCRIBE", CHANNEL), describe(ack), t0, false,
                    "conn0.sendCommand(Command.SUBSCRIBE, \"" + CHANNEL + "\")");
            c.setTimeoutInfinite(); // from now on it only listens
            return new InvalidationConnection(c, journal, conceptId, t, id);
        } catch (RuntimeException e) {
            row(journal, conceptId, t, List.of("SUBSCRIBE", CHANNEL), "(error) " + JournalFormat.errorMessage(e), t0, true,
                    "conn0.sendCommand(Command.SUBSCRIBE, \"" + CHANNEL + "\")");
            c.close();
            throw e;
        }
    }

    private static Connection connect(ConnectionTarget t, boolean named) {
        var cfg = DefaultJedisClientConfig.builder().ssl(t.tls())
                .connectionTimeoutMillis(TIMEOUT_MS).socketTimeoutMillis(TIMEOUT_MS)
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (named) cfg.clientName("vx-" + NAME);
        if (t.hasPassword()) cfg.password(t.password());
        if (t.username() != null) cfg.user(t.username());
        return new Connection(new HostAndPort(t.host(), t.port()), cfg.build());
    }

    /** The server's id of this connection: what the data connections put after REDIRECT. */
    long clientId() {
        return clientId;
    }

    /**
     * Blocking: reads messages until the connection closes. Each invalidation is journaled and handed to
     * {@code onMessage} on this thread (keep it short: the next message waits). When the connection ends
     * for any reason other than {@link #close()}, {@code onLost} is told why.
     */
    void run(Consumer<Message> onMessage, Consumer<Throwable> onLost) {
        try {
            while (!closing) {
                Object o = connection.getUnflushedObject();
                if (!(o instanceof List<?> push) || push.size() < 3 || !"message".equals(text(push.get(0)))) continue;
                List<String> keys = null;
                if (push.get(2) instanceof List<?> payload) {
                    keys = new ArrayList<>(payload.size());
                    for (Object k : payload) keys.add(text(k));
                } else if (push.get(2) != null) {
                    keys = List.of(text(push.get(2))); // a single key as a plain string (older servers)
                }
                Message m = new Message(keys == null ? null : List.copyOf(keys));
                row(journal, conceptId, target, List.of("message", CHANNEL, keys == null ? "(nil)" : keys.toString()),
                        keys == null ? "(received) null: everything changed" : "(received) " + keys.size()
                                + (keys.size() == 1 ? " key" : " keys"), System.nanoTime(), false,
                        "// received on conn-0: conn0.getUnflushedObject()");
                onMessage.accept(m);
            }
        } catch (RuntimeException e) {
            if (!closing) onLost.accept(e);
        } finally {
            connection.close();
        }
    }

    /** Stops listening; {@link #run} returns without calling {@code onLost}. Safe from any thread. */
    @Override
    public void close() {
        closing = true;
        connection.close(); // unblocks the read
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }

    private static String describe(List<Object> reply) {
        List<String> parts = new ArrayList<>();
        for (Object o : reply) parts.add(o instanceof Long l ? "(integer) " + l : "\"" + text(o) + "\"");
        return parts.toString();
    }

    private static void row(CommandJournal journal, String conceptId, ConnectionTarget t, List<String> args, String reply,
                            long t0, boolean error, String code) {
        journal.add(JournalEntry.command(journal.nextSeq(), Instant.now(), NAME, conceptId, args, reply,
                (System.nanoTime() - t0) / 1_000, error, code, t));
    }

    private static void event(CommandJournal journal, String conceptId, ConnectionTarget t, String what, String reply) {
        journal.add(new JournalEntry(journal.nextSeq(), Instant.now(), NAME, conceptId, JournalEntry.Kind.EVENT,
                List.of(List.of(what)), 1, reply, 0, reply.startsWith("(error)"),
                "Connection conn0 = new Connection(hostAndPort, DefaultJedisClientConfig.builder()...build())", t));
    }
}
