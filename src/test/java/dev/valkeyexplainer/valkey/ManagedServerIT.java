package dev.valkeyexplainer.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded sandbox server against a real valkey-server binary. */
class ManagedServerIT {

    @Test
    void startsOnLoopbackWithAPasswordAndLeavesNoProcessOrDirectoryBehind() throws Exception {
        long pid;
        try (ManagedValkeyServer server = ManagedValkeyServer.start();
             ValkeyGateway gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal())) {
            pid = server.pid();
            assertTrue(server.isRunning());
            ConnectionTarget target = server.target();
            assertEquals("127.0.0.1", target.host());
            assertTrue(target.password().length() >= 32, "a random password of 24 bytes");
            // The password is in a private config file, not on the command line.
            String cmdline = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
            assertFalse(cmdline.contains(target.password()), cmdline);

            ConnectionStatus status = gateway.connect(target).get(10, TimeUnit.SECONDS);
            assertTrue(status.connected(), status.message());
            Object bind = gateway.send("test", "main", Commands.read("CONFIG", "GET", "bind")).get(5, TimeUnit.SECONDS);
            assertTrue(java.util.Arrays.toString(flatten(bind)).contains("127.0.0.1"), String.valueOf(bind));
            Object save = gateway.send("test", "main", Commands.read("CONFIG", "GET", "save")).get(5, TimeUnit.SECONDS);
            assertEquals("", flatten(save)[1], "no RDB snapshots");
            Object noAuth = TestServers.rawCommand(target.port(), null, "PING");
            assertTrue(String.valueOf(noAuth).startsWith("-NOAUTH"), "a client without the password is refused: " + noAuth);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "server process stopped");
    }

    @Test
    void theWatchdogStopsTheServerWhenItsParentIsKilled() throws Exception {
        // A child JVM starts a managed server, prints its pid, and is then killed with SIGKILL: no
        // shutdown hook runs, so only the watchdog can stop the server.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                "dev.valkeyexplainer.valkey.ManagedServerChild").redirectErrorStream(true).start();
        String line;
        try (var reader = child.inputReader()) {
            line = reader.readLine();
        }
        assertTrue(line != null && line.startsWith("PID "), "child said: " + line);
        long pid = Long.parseLong(line.substring(4, line.indexOf(" DIR ")).trim());
        Path dir = Path.of(line.substring(line.indexOf(" DIR ") + 5).trim());
        assertTrue(Files.exists(dir.resolve("valkey.conf")), "the config file holds the password");
        assertTrue(ProcessHandle.of(pid).isPresent());
        child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "orphan valkey-server " + pid);
        long dirDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Files.exists(dir) && System.nanoTime() < dirDeadline) Thread.sleep(100);
        assertFalse(Files.exists(dir), "the watchdog removed the directory with the password");
    }

    @Test
    void restartKeepsPortAndPassword() throws Exception {
        try (ManagedValkeyServer server = ManagedValkeyServer.start()) {
            ConnectionTarget before = server.target();
            long pid = server.pid();
            server.restart();
            assertNotEquals(pid, server.pid(), "a new process");
            // the address and password known before the restart still log in to the new process
            assertEquals("+PONG", TestServers.rawCommand(before.port(), before.password(), "PING"));
            assertTrue(TestServers.rawCommand(before.port(), "not-the-password", "PING").startsWith("-"),
                    "and a wrong password still does not");
        }
    }

    static Object[] flatten(Object reply) {
        if (reply instanceof java.util.Map<?, ?> m) {
            List<Object> out = new ArrayList<>();
            m.forEach((k, v) -> {
                out.add(k);
                out.add(v);
            });
            return out.toArray();
        }
        return (Object[]) reply;
    }
}
