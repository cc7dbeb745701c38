package dev.valkeyexplainer.valkey;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One command, described three ways: the arguments as the server sees them (for the journal and
 * valkey-cli), the Glide Java call that sends it (for the code panel), and the action that runs it.
 *
 * @param writtenKeys the keys this command creates, changes or deletes: the gateway refuses the
 *                    call unless every one of them is inside the namespace
 */
public record ValkeyCall<T>(List<String> args, List<String> writtenKeys, String glideJava,
                            Function<ClientHandle, CompletableFuture<T>> action) {

    public ValkeyCall {
        if (args.isEmpty()) throw new IllegalArgumentException("a command needs a name");
        args = List.copyOf(args);
        writtenKeys = List.copyOf(writtenKeys);
    }

    public String name() {
        return args.get(0);
    }

    /** The same command as a Valkey GLIDE for Python statement (generated from the arguments). */
    public String glidePython() {
        return GlidePython.call(args);
    }
}
