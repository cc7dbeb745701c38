package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.valkey.ClientHandle;
import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.DedicatedClient;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One connection of the chat: a player's Glide client, or the observer that reads the nodes. Every
 * command it sends lands in the app's journal under the Pub/Sub tab with the same formatting as the
 * gateway's rows, whether it goes to the gateway's server or to the app's own cluster.
 */
interface Link extends AutoCloseable {

    <T> CompletableFuture<T> send(ValkeyCall<T> call);

    /** The journal's connection column, e.g. {@code chat-alice}. */
    String connection();

    /** A cluster client (shard channels, per-node routes) rather than a standalone one. */
    boolean cluster();

    /** The Glide client, for client-side state such as {@code getSubscriptions()}; null for the gateway's shared client. */
    ClientHandle handle();

    /** Closes the client (may wait for Glide: call it off the FX thread). */
    @Override
    void close();

    /** Closes off the caller's thread; at app exit, when the executor is gone, right here. */
    static void closeOff(AutoCloseable c, java.util.concurrent.Executor blocking) {
        Runnable close = () -> {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Link.class).debug("closing: {}", e.toString());
            }
        };
        try {
            blocking.execute(close);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            close.run();
        }
    }

    /** A dedicated client of the gateway's server: the gateway guards and journals it. */
    static Link of(DedicatedClient d, boolean cluster) {
        return new Link() {
            @Override
            public <T> CompletableFuture<T> send(ValkeyCall<T> call) {
                return d.send(call);
            }

            @Override
            public String connection() {
                return d.connection();
            }

            @Override
            public ClientHandle handle() {
                return d.handle();
            }

            @Override
            public boolean cluster() {
                return cluster;
            }

            @Override
            public void close() {
                d.close();
            }
        };
    }

    /** The gateway's shared client as one named worker (closing it is not ours to do). */
    static Link of(ValkeyGateway.Scope scope, boolean cluster) {
        return new Link() {
            @Override
            public <T> CompletableFuture<T> send(ValkeyCall<T> call) {
                return scope.send(call);
            }

            @Override
            public String connection() {
                return scope.connection();
            }

            @Override
            public ClientHandle handle() {
                return null;
            }

            @Override
            public boolean cluster() {
                return cluster;
            }

            @Override
            public void close() {
                // the gateway owns its client
            }
        };
    }

    /**
     * A Glide client of the app's own cluster, which the gateway does not know: this link writes the
     * journal rows itself, with {@link JournalEntry#command} as the gateway does (the target's password is
     * masked wherever a row is shown or copied).
     */
    final class Journaled implements Link {
        private static final java.util.regex.Pattern ROUTE = java.util.regex.Pattern.compile("new ByAddressRoute\\(\"([^\"]+)\", (\\d+)\\)");
        private final ClientHandle handle;
        private final CommandJournal journal;
        private final ConnectionTarget target;
        private final String conceptId;
        private final String connection;
        private volatile boolean closed;

        Journaled(ClientHandle handle, CommandJournal journal, ConnectionTarget target, String conceptId, String connection) {
            this.handle = handle;
            this.journal = journal;
            this.target = target;
            this.conceptId = conceptId;
            this.connection = connection;
            journal.add(new JournalEntry(journal.nextSeq(), Instant.now(), connection, conceptId, JournalEntry.Kind.EVENT,
                    List.of(List.of("CONNECT " + target.redacted() + " as " + connection + " (cluster)")), 1, "OK", 0, false,
                    "GlideClusterClient.createClient(config).get()", target));
        }

        @Override
        public <T> CompletableFuture<T> send(ValkeyCall<T> call) {
            if (closed) return CompletableFuture.failedFuture(new IllegalStateException(connection + " is closed"));
            long t0 = System.nanoTime();
            CompletableFuture<T> f;
            try {
                f = call.action().apply(handle);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            ConnectionTarget where = routed(call.glideJava());
            return f.whenComplete((reply, error) -> journal.add(JournalEntry.command(journal.nextSeq(), Instant.now(),
                    connection, conceptId, call.args(), error == null ? JournalFormat.reply(reply) : JournalFormat.reply(error),
                    (System.nanoTime() - t0) / 1_000, error != null, call.glideJava(), where)));
        }

        /** A command routed to one node is journaled with that node's address, so "copy as valkey-cli" runs it there. */
        private ConnectionTarget routed(String glideJava) {
            java.util.regex.Matcher m = ROUTE.matcher(glideJava);
            if (!m.find()) return target;
            return new ConnectionTarget(m.group(1), Integer.parseInt(m.group(2)), target.username(), target.password(),
                    target.tls(), target.embedded());
        }

        @Override
        public String connection() {
            return connection;
        }

        @Override
        public boolean cluster() {
            return true;
        }

        @Override
        public ClientHandle handle() {
            return handle;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            try {
                handle.glide().close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Link.class).debug("closing {}: {}", connection, e.toString());
            }
        }
    }
}
