package dev.valkeyexplainer.testutil;

import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real 3-primary Valkey cluster on loopback for tests: three valkey-server processes with
 * cluster mode on, joined with {@code valkey-cli --cluster create}. Stopped and removed on close.
 */
public final class LocalCluster implements AutoCloseable {

    public static final String PASSWORD = "cluster-test-pw";
    private final List<Process> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Path dir;

    public LocalCluster() throws Exception {
        dir = Files.createTempDirectory("valkey-explainer-cluster-");
        Path server = ManagedValkeyServer.findBinary().orElseThrow();
        Path cli = server.resolveSibling("valkey-cli");
        Random rnd = new Random();
        while (ports.size() < 3) {
            int p = 20_000 + rnd.nextInt(30_000);
            if (free(p) && free(p + 10_000) && !ports.contains(p)) ports.add(p);
        }
        for (int port : ports) {
            Path nodeDir = Files.createDirectories(dir.resolve(Integer.toString(port)));
            Path conf = nodeDir.resolve("valkey.conf");
            Files.writeString(conf, String.join("\n", "bind 127.0.0.1", "port " + port, "cluster-enabled yes",
                    "cluster-config-file nodes.conf", "requirepass " + PASSWORD, "masterauth " + PASSWORD, "save \"\"",
                    "appendonly no", "dir " + nodeDir, ""), StandardCharsets.UTF_8);
            nodes.add(new ProcessBuilder(server.toString(), conf.toString()).redirectErrorStream(true)
                    .redirectOutput(nodeDir.resolve("log").toFile()).start());
        }
        for (int port : ports) waitFor(() -> ping(port), 10_000);
        List<String> create = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
        for (int port : ports) create.add("127.0.0.1:" + port);
        create.add("--cluster-yes");
        ProcessBuilder pb = new ProcessBuilder(create).redirectErrorStream(true);
        // the password through the environment (valkey-cli reads REDISCLI_AUTH), never on a command line `ps` shows
        pb.environment().put("REDISCLI_AUTH", PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            close();
            throw new IllegalStateException("cluster create failed: " + out);
        }
        for (int port : ports) waitFor(() -> clusterOk(port), 15_000);
    }

    public ConnectionTarget target() {
        return ConnectionTarget.parse("valkey://default:" + PASSWORD + "@127.0.0.1:" + ports.get(0));
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean ping(int port) {
        try {
            return dev.valkeyexplainer.valkey.TestServers.rawCommand(port, PASSWORD, "PING").equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean clusterOk(int port) {
        try {
            // the reply is a bulk string: "$<len>" then the text; CLUSTER INFO's first line is cluster_state
            try (var s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(2_000);
                s.getOutputStream().write(("AUTH " + PASSWORD + "\r\nCLUSTER INFO\r\n").getBytes(StandardCharsets.UTF_8));
                byte[] buf = new byte[512];
                int n = 0;
                long end = System.currentTimeMillis() + 1_000;
                while (n < 60 && System.currentTimeMillis() < end) {
                    int r = s.getInputStream().read(buf, n, buf.length - n);
                    if (r < 0) break;
                    n += r;
                }
                return new String(buf, 0, n, StandardCharsets.UTF_8).contains("cluster_state:ok");
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier c, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("local cluster did not come up in " + ms + " ms");
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        for (Process p : nodes) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
