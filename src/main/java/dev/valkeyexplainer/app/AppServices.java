package dev.valkeyexplainer.app;

import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.Services;
import dev.valkeyexplainer.concepts.semantic.AnswerModelSettings;
import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.shell.ShellHost;
import dev.valkeyexplainer.shell.ShellSettings;
import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app without its window: the journal, the gateway, the sandbox server (started on demand), the
 * shared services (the game database is registered here and starts the first time a concept asks)
 * and the concepts. The window, the screenshot mode and the UI tests all build one of these.
 */
public final class AppServices implements ShellHost, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);

    private final Options.Parsed options;
    private final CommandJournal journal = new CommandJournal();
    private final ValkeyGateway gateway;
    private final ConceptRegistry registry;
    private final Services services = new Services();
    private volatile ManagedValkeyServer embedded;
    private final SandboxSupervisor supervisor;
    private final java.util.List<java.util.function.Consumer<String>> noticeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public AppServices(Options.Parsed options, ConceptRegistry registry) {
        this.options = options;
        this.gateway = new ValkeyGateway(options.namespace(), journal);
        this.registry = registry;
        services.register(GameDatabase.class, GameDatabase::new);
        services.register(AnswerModelSettings.class, () -> new AnswerModelSettings(options.llmUrl(), options.llmModel()));
        supervisor = new SandboxSupervisor(this::embedded, this::restartEmbedded, this::notice);
        gateway.addStatusListener(supervisor::onStatus);
    }

    @Override
    public void addNoticeListener(java.util.function.Consumer<String> l) {
        noticeListeners.add(l);
    }

    private void notice(String text) {
        LOG.info(text);
        noticeListeners.forEach(l -> l.accept(text));
    }

    /** The sandbox died: a new server (new port, new password), and the gateway moves to it. */
    private void restartEmbedded() {
        CompletableFuture.supplyAsync(() -> {
            synchronized (this) {
                ManagedValkeyServer old = embedded;
                if (old != null) old.close();
                embedded = ManagedValkeyServer.start();
                return embedded.target();
            }
        }, services.blocking()).thenCompose(gateway::connect).whenComplete((s, e) -> {
            if (e != null) notice("The sandbox server could not be started again: " + JournalFormat.errorMessage(e));
            else notice("The sandbox server stopped (killed or crashed); a new one runs on port " + embedded.port()
                    + " with a new password. Every concept starts again from a clean state.");
        });
    }

    public Options.Parsed options() {
        return options;
    }

    @Override
    public CommandJournal journal() {
        return journal;
    }

    @Override
    public ValkeyGateway gateway() {
        return gateway;
    }

    public ConceptRegistry registry() {
        return registry;
    }

    @Override
    public List<Concept> concepts() {
        return registry.all();
    }

    @Override
    public Services services() {
        return services;
    }

    @Override
    public ShellSettings settings() {
        return new ShellSettings(options.dark(), options.scale(), options.tab(), options.talk());
    }

    /** Connects as the options say: --connect, or the sandbox server. Never blocks the caller. */
    public CompletableFuture<ConnectionStatus> connectInitial() {
        return options.connect() != null ? gateway.connect(options.connect()) : connectEmbedded();
    }

    /** Starts the sandbox server if it is not running yet (on the blocking executor), then connects to it. */
    @Override
    public CompletableFuture<ConnectionStatus> connectEmbedded() {
        return CompletableFuture.supplyAsync(this::ensureEmbedded, services.blocking())
                .thenCompose(gateway::connect)
                .exceptionally(e -> {
                    LOG.warn("the sandbox server did not start: {}", JournalFormat.errorMessage(e));
                    return ConnectionStatus.down("embedded sandbox", true, JournalFormat.errorMessage(e));
                });
    }

    @Override
    public CompletableFuture<ConnectionStatus> connect(ConnectionTarget target) {
        return gateway.connect(target);
    }

    /** The running sandbox server; a dead one (killed, crashed) is replaced by a new one. */
    private synchronized ConnectionTarget ensureEmbedded() {
        if (embedded != null && !embedded.isRunning()) {
            embedded.close();
            embedded = null;
        }
        if (embedded == null) embedded = ManagedValkeyServer.start();
        return embedded.target();
    }

    public ManagedValkeyServer embedded() {
        return embedded;
    }

    /** Concepts touch their nodes when they stop: on the FX thread (waits up to 5 s when called from another). */
    private void disposeConcepts() {
        Runnable dispose = () -> registry.all().forEach(c -> {
            try {
                c.dispose();
            } catch (RuntimeException e) {
                LOG.warn("disposing {} failed: {}", c.id(), e.toString());
            }
        });
        if (javafx.application.Platform.isFxApplicationThread()) {
            dispose.run();
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            javafx.application.Platform.runLater(() -> {
                dispose.run();
                done.complete(null);
            });
            done.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            dispose.run(); // the FX toolkit never started (tests without a window): no node exists
        } catch (Exception e) {
            LOG.warn("concepts did not stop within 5 s: {}", e.toString());
        }
    }

    @Override
    public void close() {
        supervisor.stop();
        disposeConcepts();
        gateway.close();
        services.close();
        ManagedValkeyServer s = embedded;
        if (s != null) s.close();
    }
}
