package dev.valkeyexplainer.valkey;

/** Started as a separate JVM by {@link ManagedServerIT}: starts a server, prints its pid, waits to be killed. */
public final class ManagedServerChild {
    private ManagedServerChild() {
    }

    public static void main(String[] args) throws Exception {
        ManagedValkeyServer server = ManagedValkeyServer.start();
        System.out.println("PID " + server.pid() + " DIR " + server.directory());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
