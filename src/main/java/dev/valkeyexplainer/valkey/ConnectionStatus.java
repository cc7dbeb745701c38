package dev.valkeyexplainer.valkey;

import java.util.List;

/**
 * What the status bar shows about the connection. Immutable: the gateway publishes a new one on
 * every change.
 *
 * @param target        the redacted address (never a password)
 * @param latencyMicros the last health-check round trip, or -1
 */
public record ConnectionStatus(State state, String target, boolean sandbox, String version, String mode,
                               List<String> modules, long latencyMicros, String message) {

    public enum State { CONNECTING, CONNECTED, DOWN }

    public ConnectionStatus {
        modules = List.copyOf(modules);
    }

    public static ConnectionStatus connecting(String target, boolean sandbox) {
        return new ConnectionStatus(State.CONNECTING, target, sandbox, "", "", List.of(), -1, "Connecting to " + target + " …");
    }

    public boolean connected() {
        return state == State.CONNECTED;
    }

    public ConnectionStatus withState(State s, String msg) {
        return new ConnectionStatus(s, target, sandbox, version, mode, modules, latencyMicros, msg);
    }

    public ConnectionStatus withLatency(long micros) {
        return new ConnectionStatus(state, target, sandbox, version, mode, modules, micros, message);
    }

    public ConnectionStatus withServer(String v, String m, List<String> mods) {
        return new ConnectionStatus(state, target, sandbox, v, m, mods, latencyMicros, message);
    }
}
