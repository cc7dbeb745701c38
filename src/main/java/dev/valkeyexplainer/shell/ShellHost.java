package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.Services;
import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the window needs from the app around it (the app implements it; the shell never imports the
 * app package): the gateway and journal, the concepts in talk order, the shared services, the start-up
 * settings, and the two ways to (re)connect.
 */
public interface ShellHost {

    ValkeyGateway gateway();

    CommandJournal journal();

    /** The concepts, in the talk's order (the navigation groups them by {@link Concept#group()}). */
    List<Concept> concepts();

    Services services();

    ShellSettings settings();

    /** Starts the sandbox server if needed (off the calling thread) and connects to it. */
    CompletableFuture<ConnectionStatus> connectEmbedded();

    CompletableFuture<ConnectionStatus> connect(ConnectionTarget target);

    /** Messages for the user from the app's own machinery (e.g. "the sandbox was restarted"); any thread. */
    default void addNoticeListener(java.util.function.Consumer<String> listener) {
    }
}
