package dev.valkeyexplainer.testutil;

import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A UI test class over the real app connected with {@code --connect} to a server the test owns (one
 * for the class), so the test can kill and restart it on the same port. Subclasses give their extra
 * options and, as TestFX requires on the test class itself, an {@code @Start} method that calls
 * {@code app.start(stage)}.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OwnServerUiTest {

    protected ManagedValkeyServer server;
    protected UiApp app;

    /** Options besides {@code --connect}, e.g. {@code --tab geo}. */
    protected String[] options() {
        return new String[0];
    }

    @BeforeAll
    void startServerAndApp() throws Exception {
        server = ManagedValkeyServer.start();
        List<String> args = new ArrayList<>(List.of(options()));
        args.add("--connect");
        args.add("valkey://default:" + server.target().password() + "@127.0.0.1:" + server.port());
        app = new UiApp(args.toArray(String[]::new));
    }

    @AfterAll
    void stopAppAndServer() {
        if (app != null) app.close();
        if (server != null) server.close();
    }
}
