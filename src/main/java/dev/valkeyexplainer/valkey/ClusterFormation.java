package dev.valkeyexplainer.valkey;

import io.valkey.DefaultJedisClientConfig;
import io.valkey.Jedis;
import io.valkey.exceptions.JedisException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins started cluster-mode nodes into one cluster with the commands {@code valkey-cli --cluster
 * create} sends (Valkey's {@code src/valkey-cli.c}, {@code clusterManagerCommandCreate}):
 * {@code CLUSTER ADDSLOTSRANGE} on each primary (the 16,384 slots split evenly), {@code CLUSTER MEET}
 * from the first node to the others, then {@code CLUSTER REPLICATE} on each replica. Each command goes
 * over a short-lived valkey-java connection that authenticates on the socket (the password is never on
 * a command line). Blocking: for {@link ManagedValkeyCluster#start} only.
 */
final class ClusterFormation {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFormation.class);
    static final long FORM_TIMEOUT_MS = 30_000;

    private final List<ManagedValkeyCluster.Node> nodes;
    private final String password;
    private final BooleanSupplier processesAlive;
    private final Supplier<List<String>> lastLog;

    ClusterFormation(List<ManagedValkeyCluster.Node> nodes, String password, BooleanSupplier processesAlive,
                     Supplier<List<String>> lastLog) {
        this.nodes = nodes;
        this.password = password;
        this.processesAlive = processesAlive;
        this.lastLog = lastLog;
    }

    /** ADDManagedValkeyCluster.SLOTSRANGE, MEET, REPLICATE, then waits until every node agrees (see the class comment). */
    void form() {
        List<ManagedValkeyCluster.Node> primaries = nodes.stream().filter(ManagedValkeyCluster.Node::primary).toList();
        for (int i = 0; i < primaries.size(); i++) {
            int from = i * ManagedValkeyCluster.SLOTS / primaries.size();
            int to = (i + 1) * ManagedValkeyCluster.SLOTS / primaries.size() - 1;
            admin(primaries.get(i).port(), j -> j.clusterAddSlotsRange(from, to));
        }
        int seed = nodes.get(0).port();
        for (ManagedValkeyCluster.Node n : nodes.subList(1, nodes.size())) admin(seed, j -> j.clusterMeet("127.0.0.1", n.port()));
        waitFor("every node knows the others", FORM_TIMEOUT_MS, () -> nodes.stream().allMatch(n -> {
            String known = admin(n.port(), Jedis::clusterNodes);
            return known.lines().count() == nodes.size() && !known.contains("handshake") && !known.contains("noaddr");
        }));
        for (ManagedValkeyCluster.Node n : nodes) {
            if (n.primary()) continue;
            String primaryId = admin(nodes.get(n.primaryIndex()).port(), Jedis::clusterMyId);
            admin(n.port(), j -> j.clusterReplicate(primaryId));
        }
        long replicas = nodes.stream().filter(n -> !n.primary()).count();
        waitFor("cluster_state:ok on every node, replicas in sync", FORM_TIMEOUT_MS, () -> nodes.stream().allMatch(n -> {
            if (!admin(n.port(), Jedis::clusterInfo).contains("cluster_state:ok")) return false;
            if (admin(n.port(), Jedis::clusterNodes).lines().filter(l -> l.contains("slave")).count() != replicas) return false;
            return n.primary() || admin(n.port(), j -> j.info("replication")).contains("master_link_status:up");
        }));
        // Every node must list every node as online in CLUSTER SHARDS (replicas leave "loading" once their
        // offset moves): only then does CLUSTER ManagedValkeyCluster.SLOTS, which clients read, include the replicas.
        waitFor("every node online in CLUSTER SHARDS", FORM_TIMEOUT_MS, () -> nodes.stream().allMatch(n -> {
            var shards = admin(n.port(), Jedis::clusterShards);
            return shards.stream().mapToLong(s -> s.getNodes().stream().filter(x -> "online".equals(x.getHealth())).count())
                    .sum() == nodes.size();
        }));
    }

    boolean ping(int port) {
        try {
            return "PONG".equals(admin(port, Jedis::ping));
        } catch (JedisException e) {
            return false;
        }
    }

    /** One admin command over a short-lived connection (valkey-java), authenticated over the socket. */
    private <T> T admin(int port, Function<Jedis, T> command) {
        var config = DefaultJedisClientConfig.builder().password(password).timeoutMillis(2_000).build();
        try (Jedis j = new Jedis("127.0.0.1", port, config)) {
            return command.apply(j);
        }
    }

    void waitFor(String what, long timeoutMs, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    LOG.debug("cluster start: {} after {} ms", what, (System.nanoTime() - end) / 1_000_000 + timeoutMs);
                    return;
                }
            } catch (JedisException e) {
                LOG.debug("waiting until {}: {}", what, e.toString());
            }
            if (System.nanoTime() > end || !processesAlive.getAsBoolean()) {
                throw new IllegalStateException("The local cluster did not start (" + what + "): "
                        + String.join(" | ", lastLog.get()));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the local cluster");
            }
        }
    }

}
