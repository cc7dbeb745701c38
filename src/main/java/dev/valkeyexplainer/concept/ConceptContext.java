package dev.valkeyexplainer.concept;

import dev.valkeyexplainer.anim.FrameClock;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;

/**
 * What a concept gets from the shell: the gateway (the only way to the server), the frame clock, the
 * canvas palette of the current theme, the executor that runs code on the FX thread, the shared
 * services (by type, started lazily off the FX thread), the code panels' language, and the FXML
 * loader for its control panel.
 */
public record ConceptContext(ValkeyGateway gateway, FrameClock clock, ObjectProperty<Palette> palette, Executor fx,
                             Services services, ObjectProperty<CodeLanguage> codeLanguage, FxmlLoader fxml) {

    /** The gateway as this concept's given connection, so journal rows say who sent what. */
    public ValkeyGateway.Scope scope(String conceptId, String connection) {
        return gateway.scope(conceptId, connection);
    }

    /** A service the app registered (e.g. the game database), started on first use off the FX thread. */
    public <T> CompletableFuture<T> service(Class<T> type) {
        return services.get(type);
    }

    /** A shared service this concept brings itself, created once with {@code factory} on the blocking executor. */
    public <T> CompletableFuture<T> service(Class<T> type, Supplier<? extends T> factory) {
        return services.get(type, factory);
    }

    /** The executor for blocking work (JDBC, process starts, model loading). */
    public Executor blocking() {
        return services.blocking();
    }

    /** A code panel that follows the app-wide Java / Python switch. */
    public CodePanel codePanel() {
        return new CodePanel(codeLanguage);
    }
}
