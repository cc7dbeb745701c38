package dev.valkeyexplainer.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sandbox comes back by itself when its process dies, and a crash loop stops with a message. */
class SandboxRestartIT {

    @Test
    void aKilledSandboxIsReplacedByANewServerAndACrashLoopStops() throws Exception {
        try (AppServices app = new AppServices(Options.parse(), ConceptRegistry.standard())) {
            List<String> notices = new CopyOnWriteArrayList<>();
            app.addNoticeListener(notices::add);
            assertTrue(app.connectInitial().get(30, TimeUnit.SECONDS).connected());
            ManagedValkeyServer first = app.embedded();
            int firstPort = first.port();
            String firstPassword = first.target().password();

            first.kill();
            await().atMost(Duration.ofSeconds(20)).until(() -> app.embedded() != first && app.gateway().status().connected());
            assertNotEquals(firstPort, app.embedded().port(), "a new port");
            assertNotEquals(firstPassword, app.embedded().target().password(), "a new password");
            assertTrue(notices.stream().anyMatch(n -> n.contains("a new one runs on port " + app.embedded().port())), notices.toString());
            assertTrue(app.journal().snapshot().stream().anyMatch(e -> e.commandText().startsWith("CONNECT")
                    && e.commandText().contains(":" + app.embedded().port())), "the journal says so");
            assertTrue(app.gateway().send("t", "t", Commands.set("vx:after", "1")).get(5, TimeUnit.SECONDS).equals("OK"));
            assertFalse(java.nio.file.Files.exists(first.directory()), "the dead server's directory is gone");

            // two more deaths within the minute are restarted; the next one is not
            for (int i = 0; i < 2; i++) {
                ManagedValkeyServer s = app.embedded();
                s.kill();
                await().atMost(Duration.ofSeconds(20)).until(() -> app.embedded() != s && app.gateway().status().connected());
            }
            ManagedValkeyServer last = app.embedded();
            last.kill();
            await().atMost(Duration.ofSeconds(20)).until(() -> notices.stream().anyMatch(n -> n.contains("not restarting it again")));
            assertTrue(app.embedded() == last, "no fourth server");
        }
    }
}
