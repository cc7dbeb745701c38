package dev.valkeyexplainer.concept;

import dev.valkeyexplainer.anim.FrameClock;
import dev.valkeyexplainer.shell.Palette;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;

/**
 * What a tab gets from the shell: the gateway (the only way to the server), the frame clock, the
 * canvas palette of the current theme, and the executor that runs code on the FX thread.
 */
public record ConceptContext(ValkeyGateway gateway, FrameClock clock, ObjectProperty<Palette> palette, Executor fx) {

    /** The gateway as this tab's given connection, so journal rows say who sent what. */
    public ValkeyGateway.Scope scope(String conceptId, String connection) {
        return gateway.scope(conceptId, connection);
    }
}
