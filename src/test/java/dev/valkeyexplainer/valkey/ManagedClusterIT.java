package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The app's own local cluster against real valkey-server processes. */
class ManagedClusterIT {

    @Test
    void startsSixNodesInSecondsWithAPrivatePasswordAndLeavesNothingBehind() throws Exception {
        List<Long> pids;
        Path dir;
        try (ManagedValkeyCluster cluster = ManagedValkeyCluster.start();
             ValkeyGateway gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal())) {
            assertTrue(cluster.startMillis() < 15_000, "started in " + cluster.startMillis() + " ms");
            pids = cluster.pids();
            dir = cluster.directory();
            assertEquals(6, pids.size(), "3 primaries + 3 replicas");
            assertEquals(3, cluster.nodes().stream().filter(ManagedValkeyCluster.Node::primary).count());
            String password = cluster.target().password();
            assertTrue(password.length() >= 32, "a random password of 24 bytes");
            for (long pid : pids) {
                String cmdline = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
                assertFalse(cmdline.contains(password), "the password is not on a command line: " + cmdline);
            }
            try (Stream<Path> confs = Files.walk(dir)) {
                for (Path conf : confs.filter(p -> p.getFileName().toString().equals("valkey.conf")).toList()) {
                    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                            Files.getPosixFilePermissions(conf), conf + " is private");
                }
            }
            for (ManagedValkeyCluster.Node n : cluster.nodes()) {
                String noAuth = TestServers.rawCommand(n.port(), null, "PING");
                assertTrue(noAuth.startsWith("-NOAUTH"), "a client without the password is refused: " + noAuth);
            }

            ConnectionStatus status = gateway.connect(cluster.target()).get(15, TimeUnit.SECONDS);
            assertTrue(status.connected(), status.message());
            assertEquals("cluster", status.mode());
            for (ManagedValkeyCluster.Node n : cluster.nodes()) {
                try (io.valkey.Jedis j = new io.valkey.Jedis("127.0.0.1", n.port(),
                        io.valkey.DefaultJedisClientConfig.builder().password(password).build())) {
                    assertEquals(java.util.Map.of("save", ""), j.configGet("save"), "no RDB snapshots on " + n.port());
                    assertEquals(java.util.Map.of("appendonly", "no"), j.configGet("appendonly"), "no AOF on " + n.port());
                }
            }
            gateway.send("test", "main", Commands.set("vx:cluster-smoke", "1")).get(5, TimeUnit.SECONDS);
            assertEquals("1", gateway.send("test", "main", Commands.get("vx:cluster-smoke")).get(5, TimeUnit.SECONDS));
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "node " + pid + " stopped");
        }
        assertFalse(Files.exists(dir), "the temp directory is removed");
    }

    @Test
    void theWatchdogStopsEveryNodeWhenItsJvmIsKilled() throws Exception {
        // A child JVM starts a cluster, prints the node pids, and is then killed with SIGKILL: no shutdown
        // hook runs, so only the watchdog can stop the nodes.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                "dev.valkeyexplainer.valkey.ManagedClusterChild").redirectErrorStream(true).start();
        String line;
        try (var reader = child.inputReader()) {
            do {
                line = reader.readLine();
            } while (line != null && !line.startsWith("PIDS "));
        }
        assertTrue(line != null, "the child printed no pids");
        List<Long> pids = Arrays.stream(line.substring(5).trim().split(",")).map(Long::parseLong).toList();
        assertEquals(6, pids.size());
        assertTrue(pids.stream().allMatch(p -> ProcessHandle.of(p).isPresent()));
        child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pids.stream().anyMatch(ManagedClusterIT::alive) && System.nanoTime() < deadline) Thread.sleep(100);
        for (long pid : pids) assertFalse(alive(pid), "orphan cluster node " + pid);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
