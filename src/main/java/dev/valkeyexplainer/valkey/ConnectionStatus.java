package dev.valkeyexplainer.valkey;

import java.util.List;

/**
 * What the status bar shows about the connection. Immutable: the gateway publishes a new one on
 * every change.
 *
 * @param target        the redacted address (never a password)
 * @param latencyMicros the last health-check round trip, or -1
 * @param runId         the server's {@code run_id} (INFO server): a new value means a new process, whose data is new
 * @param denied        commands the server's ACL refused to this user so far (NOPERM)
 */
public record ConnectionStatus(State state, String target, boolean sandbox, String version, String mode,
                               List<String> modules, long latencyMicros, String message, String runId, List<String> denied) {

    public enum State { CONNECTING, CONNECTED, DOWN }

    public ConnectionStatus {
        modules = List.copyOf(modules);
        denied = List.copyOf(denied);
    }

    public ConnectionStatus(State state, String target, boolean sandbox, String version, String mode, List<String> modules,
                            long latencyMicros, String message) {
        this(state, target, sandbox, version, mode, modules, latencyMicros, message, "", List.of());
    }

    public static ConnectionStatus down(String target, boolean sandbox, String message) {
        return new ConnectionStatus(State.DOWN, target, sandbox, "", "", List.of(), -1, message);
    }

    public static ConnectionStatus connecting(String target, boolean sandbox) {
        return new ConnectionStatus(State.CONNECTING, target, sandbox, "", "", List.of(), -1, "Connecting to " + target + " …");
    }

    public boolean connected() {
        return state == State.CONNECTED;
    }

    public ConnectionStatus withState(State s, String msg) {
        return new ConnectionStatus(s, target, sandbox, version, mode, modules, latencyMicros, msg, runId, denied);
    }

    public ConnectionStatus withLatency(long micros) {
        return new ConnectionStatus(state, target, sandbox, version, mode, modules, micros, message, runId, denied);
    }

    public ConnectionStatus withServer(String v, String m, List<String> mods, String run) {
        return new ConnectionStatus(state, target, sandbox, v, m, mods, latencyMicros, message, run, denied);
    }

    public ConnectionStatus withDenied(List<String> commands) {
        return new ConnectionStatus(state, target, sandbox, version, mode, modules, latencyMicros, message, runId, commands);
    }

    /** True when the module is loaded ({@code json}, {@code bf}/{@code bloom}, {@code search}/{@code ft}). */
    public boolean hasModule(String name) {
        return modules.stream().anyMatch(m -> m.equalsIgnoreCase(name));
    }
}
