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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The app's own sandbox valkey-server: loopback only, a free port, a random password, no
 * persistence, a temporary directory. The password is written to a config file readable only by
 * this user, so it never shows up in a process list.
 *
 * <p>A small shell watchdog owns the server process and kills it when this JVM disappears, even on
 * SIGKILL when no shutdown hook runs: no orphan server is ever left behind.
 */
public final class ManagedValkeyServer implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ManagedValkeyServer.class);

    private static final long START_TIMEOUT_MS = 10_000;
    /**
     * The watchdog: runs the server, and when this JVM disappears (even by SIGKILL, when no shutdown
     * hook runs) kills it and removes the temporary directory with the config file (which holds the
     * password). Arguments: binary, config, JVM pid, directory.
     */
    private static final String WATCHDOG = """
            "$1" "$2" &
            s=$!
            echo "VX_SERVER_PID $s"
            trap 'kill $s 2>/dev/null; wait $s; exit 0' INT TERM
            while kill -0 "$3" 2>/dev/null && kill -0 "$s" 2>/dev/null; do sleep 0.3; done
            kill $s 2>/dev/null
            wait $s
            if ! kill -0 "$3" 2>/dev/null; then rm -rf "$4"; fi
            """;

    private final Path binary;
    private final String password;
    private final Path dir;
    private int port;
    private Process watchdog;
    private volatile long serverPid = -1;
    private final ArrayDeque<String> log = new ArrayDeque<>();
    private Thread shutdownHook;

    private final List<String> extraConfig;

    private ManagedValkeyServer(Path binary, Path dir, String password, List<String> extraConfig) {
        this.binary = binary;
        this.dir = dir;
        this.password = password;
        this.extraConfig = List.copyOf(extraConfig);
    }

    /** Finds valkey-server (env VALKEY_SERVER, then PATH) and starts it on a free loopback port. */
    public static ManagedValkeyServer start() {
        return start(List.of());
    }

    /** As {@link #start()}, with extra lines for the config file (tests: ACL users, limits). */
    public static ManagedValkeyServer start(List<String> extraConfig) {
        Path binary = findBinary().orElseThrow(() -> new IllegalStateException(
                "valkey-server was not found on PATH (or in VALKEY_SERVER). Install it (./run does this), or use"
                        + " --connect valkey://host:port to use a server you already have."));
        try {
            Path dir = Files.createTempDirectory("valkey-explainer-");
            ManagedValkeyServer server = new ManagedValkeyServer(binary, dir, randomPassword(), extraConfig);
            server.launch(freePort());
            server.shutdownHook = new Thread(server::stop, "vx-embedded-server-stop");
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded server's directory", e);
        }
    }

    public static Optional<Path> findBinary() {
        String env = System.getenv("VALKEY_SERVER");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, "valkey-server");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static String randomPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void launch(int port) throws IOException {
        this.port = port;
        Path conf = dir.resolve("valkey.conf");
        Files.writeString(conf, String.join("\n",
                "bind 127.0.0.1",
                "port " + port,
                "protected-mode yes",
                "requirepass " + password,
                "save \"\"",
                "appendonly no",
                "dir " + dir.toAbsolutePath(),
                "daemonize no",
                "loglevel notice",
                String.join("\n", extraConfig),
                ""), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("not a POSIX file system; the temp dir is private to the user there: {}", e.toString());
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", WATCHDOG, "vx-watchdog",
                binary.toString(), conf.toString(), Long.toString(ProcessHandle.current().pid()), dir.toAbsolutePath().toString());
        pb.redirectErrorStream(true);
        watchdog = pb.start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> pump(ready), "vx-embedded-server-log");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(START_TIMEOUT_MS, TimeUnit.MILLISECONDS) || !watchdog.isAlive()) {
                stop();
                throw new IllegalStateException("The embedded valkey-server did not start: " + String.join(" | ", lastLog(5)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while starting valkey-server");
        }
    }

    private void pump(CountDownLatch ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("VX_SERVER_PID ")) {
                    serverPid = Long.parseLong(line.substring(14).trim());
                    continue;
                }
                synchronized (log) {
                    log.addLast(line);
                    while (log.size() > 100) log.removeFirst();
                }
                if (line.contains("Ready to accept connections")) ready.countDown();
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("the server's output ended: {}", e.toString()); // the process ended; stop() cleans up
        }
    }

    public List<String> lastLog(int n) {
        synchronized (log) {
            return log.stream().skip(Math.max(0, log.size() - n)).toList();
        }
    }

    /** The temporary directory (config, working dir); removed on stop, or by the watchdog when the JVM dies. */
    public Path directory() {
        return dir;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return serverPid;
    }

    public boolean isRunning() {
        return serverPid > 0 && ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** How the app connects to this server. */
    public ConnectionTarget target() {
        return ConnectionTarget.embedded(port, password);
    }

    /** Stops the server process (the data goes with it). The directory stays for {@link #restart()}. */
    public synchronized void stopProcess() {
        long pid = serverPid;
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
        }
        ManagedProcesses.stopWatchdog(watchdog);
        serverPid = -1;
    }

    /** Kills the server process with SIGKILL, as a crash or the OOM killer would (tests of outages). */
    public synchronized void kill() {
        long pid = serverPid;
        if (pid <= 0) return;
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroyForcibly();
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // it is gone or going; restart() waits for the watchdog
            }
        });
    }

    /** Starts the server again on the same port with the same password (a restart mid-demo). */
    public synchronized void restart() {
        stopProcess();
        try {
            launch(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and removes its directory. Safe to call more than once. */
    public synchronized void stop() {
        stopProcess();
        ManagedProcesses.deleteTree(dir, LOG, "the sandbox's directory");
    }

    @Override
    public void close() {
        stop();
        ManagedProcesses.removeShutdownHook(shutdownHook);
    }
}
