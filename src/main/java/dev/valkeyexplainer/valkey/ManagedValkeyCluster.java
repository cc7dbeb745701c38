package dev.valkeyexplainer.valkey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's own local Valkey cluster, for what only a cluster can show (sharded Pub/Sub, slots
 * moving between shards): {@code primaries} primaries with {@code replicasPerPrimary} replicas each,
 * on free loopback ports, with the same sandbox rules as {@link ManagedValkeyServer}: a random
 * password written only to config files readable by this user (never on a command line), no RDB or
 * AOF persistence, a temporary directory, and one shell watchdog that owns every node and kills them
 * all when this JVM disappears, even on SIGKILL when no shutdown hook runs.
 *
 * <p>The nodes are joined into a cluster by {@link ClusterFormation}; {@link #start} returns once every
 * node reports {@code cluster_state:ok}, knows every node, and every replica is in sync and listed
 * (about 3 s here). Starting blocks: call it off the FX thread (the app's blocking executor does).
 */
public final class ManagedValkeyCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedValkeyCluster.class);
    public static final int SLOTS = 16_384;
    /** The cluster bus listens on the client port + 10,000 (Valkey's {@code CLUSTER_PORT_INCR}). */
    public static final int BUS_PORT_OFFSET = 10_000;
    private static final long READY_TIMEOUT_MS = 15_000;
    /**
     * Starts every node, reports their pids, and once the JVM ({@code $2}) is gone kills them all and
     * removes the cluster's directory (its config files hold the password).
     */
    private static final String WATCHDOG = """
            b="$1"; parent="$2"; shift 2
            top=$(dirname "$(dirname "$1")")
            pids=""
            for c in "$@"; do
              "$b" "$c" &
              pids="$pids $!"
              echo "VX_NODE_PID $! $c"
            done
            trap 'kill $pids 2>/dev/null; wait; exit 0' INT TERM
            while kill -0 "$parent" 2>/dev/null; do sleep 0.3; done
            kill $pids 2>/dev/null
            wait
            case "$top" in */valkey-explainer-cluster-*) rm -rf "$top" ;; esac
            """;

    /**
     * One node of the cluster.
     *
     * @param port         its client port on 127.0.0.1 (the bus is {@code port + 10,000})
     * @param primaryIndex for a replica, the index of its primary in {@link #nodes()}; -1 for a primary
     */
    public record Node(int port, int primaryIndex) {
        public boolean primary() {
            return primaryIndex < 0;
        }
    }

    private final Path binary;
    private final Path dir;
    private final String password;
    private final List<Node> nodes;
    private final Map<Path, Long> pids = new ConcurrentHashMap<>();
    private final ArrayDeque<String> log = new ArrayDeque<>();
    private Process watchdog;
    private Thread shutdownHook;
    private long startMillis;

    private ManagedValkeyCluster(Path binary, Path dir, String password, List<Node> nodes) {
        this.binary = binary;
        this.dir = dir;
        this.password = password;
        this.nodes = List.copyOf(nodes);
    }

    /** Three primaries with one replica each: six valkey-server processes. */
    public static ManagedValkeyCluster start() {
        return start(3, 1);
    }

    /**
     * Starts and forms a cluster.
     *
     * @throws IllegalStateException when valkey-server is missing or the cluster does not form in time
     *                               (every process it started is stopped again first)
     */
    public static ManagedValkeyCluster start(int primaries, int replicasPerPrimary) {
        if (primaries < 1 || primaries > 16 || replicasPerPrimary < 0 || replicasPerPrimary > 2) {
            throw new IllegalArgumentException("1-16 primaries with 0-2 replicas each");
        }
        Path binary = ManagedValkeyServer.findBinary().orElseThrow(() -> new IllegalStateException(
                "valkey-server was not found on PATH (or in VALKEY_SERVER): it is needed for the local cluster."));
        long t0 = System.nanoTime();
        List<Node> nodes = new ArrayList<>();
        List<Integer> ports = freePortPairs(primaries * (1 + replicasPerPrimary));
        for (int i = 0; i < primaries; i++) nodes.add(new Node(ports.get(i), -1));
        for (int r = 0; r < replicasPerPrimary; r++) {
            for (int i = 0; i < primaries; i++) nodes.add(new Node(ports.get(nodes.size()), i));
        }
        ManagedValkeyCluster cluster;
        try {
            cluster = new ManagedValkeyCluster(binary, Files.createTempDirectory("valkey-explainer-cluster-"),
                    randomPassword(), nodes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the cluster's directory", e);
        }
        try {
            cluster.launch();
            cluster.formation().form();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        cluster.startMillis = (System.nanoTime() - t0) / 1_000_000;
        cluster.shutdownHook = new Thread(cluster::stop, "vx-cluster-stop");
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        LOG.info("local cluster ready in {} ms on ports {}", cluster.startMillis, ports);
        return cluster;
    }

    private static String randomPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Ports p whose bus port p + 10,000 is free too (so not from the ephemeral range above 55,535). */
    private static List<Integer> freePortPairs(int n) {
        List<Integer> out = new ArrayList<>();
        SecureRandom rnd = new SecureRandom();
        for (int tries = 0; out.size() < n && tries < 10_000; tries++) {
            int p = 20_000 + rnd.nextInt(25_000);
            if (!out.contains(p) && !out.contains(p + BUS_PORT_OFFSET) && !out.contains(p - BUS_PORT_OFFSET)
                    && free(p) && free(p + BUS_PORT_OFFSET)) {
                out.add(p);
            }
        }
        if (out.size() < n) throw new IllegalStateException("no free loopback ports for the cluster");
        return out;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private void launch() {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "vx-cluster-watchdog", binary.toString(),
                Long.toString(ProcessHandle.current().pid())));
        try {
            for (Node n : nodes) cmd.add(writeConfig(n).toString());
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.redirectErrorStream(true);
            watchdog = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the cluster's nodes", e);
        }
        Thread reader = new Thread(this::pump, "vx-cluster-log");
        reader.setDaemon(true);
        reader.start();
        formation().waitFor("every node accepts connections", READY_TIMEOUT_MS,
                () -> nodes.stream().allMatch(n -> formation().ping(n.port())));
    }

    /** One private config file per node: the password lives here, readable only by this user. */
    private Path writeConfig(Node n) throws IOException {
        Path nodeDir = Files.createDirectories(dir.resolve("node-" + n.port()));
        Path conf = nodeDir.resolve("valkey.conf");
        Files.writeString(conf, String.join("\n",
                "bind 127.0.0.1",
                "port " + n.port(),
                "protected-mode yes",
                "requirepass " + password,
                "masterauth " + password,
                "cluster-enabled yes",
                "cluster-config-file " + nodeDir.resolve("nodes.conf").toAbsolutePath(),
                // Nodes ping each other at least every timeout/2: a replica's first replication offset then
                // reaches every node within ~1.5 s instead of 7.5 s (below). Failover would need a node
                // silent for 3 s, which does not happen to idle local processes.
                "cluster-node-timeout 3000",
                "save \"\"",
                "appendonly no",
                "repl-diskless-sync yes",
                "repl-diskless-sync-delay 0",
                // A replica with replication offset 0 counts as "loading" and is left out of CLUSTER SLOTS, so
                // clients would not see it: a 1 s replication ping moves the offset right after the sync.
                "repl-ping-replica-period 1",
                "dir " + nodeDir.toAbsolutePath(),
                "daemonize no",
                "loglevel warning",
                ""), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the temp dir is still private to the user on such systems
        }
        return conf;
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("VX_NODE_PID ")) {
                    String[] parts = line.split(" ", 3);
                    pids.put(Path.of(parts[2]), Long.parseLong(parts[1]));
                    continue;
                }
                synchronized (log) {
                    log.addLast(line);
                    while (log.size() > 100) log.removeFirst();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cluster log ended: {}", e.toString());
        }
    }

    /** The commands that join the nodes into a cluster, and the waits (see {@link ClusterFormation}). */
    private ClusterFormation formation() {
        return new ClusterFormation(nodes, password, () -> watchdog != null && watchdog.isAlive(), () -> lastLog(5));
    }

    public List<String> lastLog(int n) {
        synchronized (log) {
            return log.stream().skip(Math.max(0, log.size() - n)).toList();
        }
    }

    /** The nodes: the primaries first, then the replicas. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The pids of the node processes that are still running. */
    public List<Long> pids() {
        return pids.values().stream().filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)).toList();
    }

    public boolean isRunning() {
        return pids.size() == nodes.size() && pids().size() == nodes.size();
    }

    /** How long {@link #start} took, in milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** How a client connects: the first primary as the seed (a cluster client discovers the rest). */
    public ConnectionTarget target() {
        return ConnectionTarget.embedded(nodes.get(0).port(), password);
    }

    /** The temporary directory that holds the nodes' configs (removed by {@link #close()}). */
    public Path directory() {
        return dir;
    }

    /** Stops every node (their data goes with them) and removes the directory. Safe to call more than once. */
    public synchronized void stop() {
        for (long pid : pids.values()) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        for (long pid : pids.values()) {
            ProcessHandle.of(pid).ifPresent(h -> {
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
        }
        ManagedProcesses.stopWatchdog(watchdog);
        ManagedProcesses.deleteTree(dir, LOG, "the cluster's directory");
    }

    @Override
    public void close() {
        stop();
        ManagedProcesses.removeShutdownHook(shutdownHook);
    }

    @Override
    public String toString() {
        long primaries = nodes.stream().filter(Node::primary).count();
        return primaries + " primaries + " + (nodes.size() - primaries) + " replicas on 127.0.0.1:"
                + nodes.stream().map(n -> Integer.toString(n.port())).reduce((a, b) -> a + "," + b).orElse("");
    }
}
