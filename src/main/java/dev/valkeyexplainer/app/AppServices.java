package dev.valkeyexplainer.app;

import dev.valkeyexplainer.concept.ConceptRegistry;
import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The app without its window: the journal, the gateway, the sandbox server (started on demand) and
 * the tabs. The window, the screenshot mode and the UI tests all build one of these.
 */
public final class AppServices implements AutoCloseable {

    private final Options.Parsed options;
    private final CommandJournal journal = new CommandJournal();
    private final ValkeyGateway gateway;
    private final ConceptRegistry registry;
    private volatile ManagedValkeyServer embedded;
    /** Started in the background at once (H2 start-up and seeding take ~0.4 s), so no tab waits on the FX thread. */
    private final CompletableFuture<GameDatabase> database = CompletableFuture.supplyAsync(GameDatabase::new, r -> {
        Thread t = new Thread(r, "vx-db-start");
        t.setDaemon(true);
        t.start();
    });

    public AppServices(Options.Parsed options, ConceptRegistry registry) {
        this.options = options;
        this.gateway = new ValkeyGateway(options.namespace(), journal);
        this.registry = registry;
    }

    public Options.Parsed options() {
        return options;
    }

    public CommandJournal journal() {
        return journal;
    }

    public ValkeyGateway gateway() {
        return gateway;
    }

    public ConceptRegistry registry() {
        return registry;
    }

    /** Connects as the options say: --connect, or the sandbox server. Never blocks the caller. */
    public CompletableFuture<ConnectionStatus> connectInitial() {
        return options.connect() != null ? gateway.connect(options.connect()) : connectEmbedded();
    }

    /** Starts the sandbox server if it is not running yet (off the calling thread), then connects to it. */
    public CompletableFuture<ConnectionStatus> connectEmbedded() {
        return CompletableFuture.supplyAsync(this::ensureEmbedded, gateway.scheduler())
                .thenCompose(gateway::connect)
                .exceptionally(e -> new ConnectionStatus(ConnectionStatus.State.DOWN, "embedded sandbox", true, "", "",
                        List.of(), -1, dev.valkeyexplainer.valkey.JournalFormat.errorMessage(e)));
    }

    public CompletableFuture<ConnectionStatus> connect(ConnectionTarget target) {
        return gateway.connect(target);
    }

    private synchronized ConnectionTarget ensureEmbedded() {
        if (embedded == null) embedded = ManagedValkeyServer.start();
        return embedded.target();
    }

    /** The game's database (H2 in memory, seeded); ready a moment after start-up. */
    public GameDatabase database() {
        return database.join();
    }

    public ManagedValkeyServer embedded() {
        return embedded;
    }

    @Override
    public void close() {
        registry.all().forEach(c -> {
            try {
                c.dispose();
            } catch (RuntimeException ignored) {
                // closing down anyway
            }
        });
        gateway.close();
        database.thenAccept(GameDatabase::close);
        ManagedValkeyServer s = embedded;
        if (s != null) s.close();
    }
}
