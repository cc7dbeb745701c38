package dev.valkeyexplainer.concept;

import dev.valkeyexplainer.anim.FrameClock;
import dev.valkeyexplainer.shell.Palette;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;

/**
 * What a tab gets from the shell: the gateway (the only way to the server), the frame clock, the
 * canvas palette of the current theme, the executor that runs code on the FX thread, and the game's
 * database (created on first use, shared by the caching tabs).
 */
public record ConceptContext(ValkeyGateway gateway, FrameClock clock, ObjectProperty<Palette> palette, Executor fx,
                             java.util.function.Supplier<dev.valkeyexplainer.db.GameDatabase> database) {

    /** The gateway as this tab's given connection, so journal rows say who sent what. */
    public ValkeyGateway.Scope scope(String conceptId, String connection) {
        return gateway.scope(conceptId, connection);
    }
}
