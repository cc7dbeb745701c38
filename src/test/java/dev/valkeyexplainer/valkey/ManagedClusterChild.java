package dev.valkeyexplainer.valkey;

/** Started as a separate JVM by {@link ManagedClusterIT}: starts a cluster, prints its node pids, waits to be killed. */
public final class ManagedClusterChild {
    private ManagedClusterChild() {
    }

    public static void main(String[] args) throws Exception {
        ManagedValkeyCluster cluster = ManagedValkeyCluster.start();
        System.out.println("PIDS " + String.join(",", cluster.pids().stream().map(String::valueOf).toList()));
        System.out.flush();
        Thread.sleep(60_000);
    }
}
