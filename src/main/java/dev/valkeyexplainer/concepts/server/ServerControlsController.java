package dev.valkeyexplainer.concepts.server;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** The Server concept's "Try it" panel ({@code fxml/concepts/server/controls.fxml}): send traffic, see what it cost. */
public final class ServerControlsController {

    private final ServerModel model;
    private final CodePanel code;
    private final Executor fx;
    @FXML private Button serverTraffic;
    @FXML private Label serverTrafficResult;

    ServerControlsController(ServerModel model, CodePanel code, Executor fx) {
        this.model = model;
        this.code = code;
        this.fx = fx;
    }

    @FXML
    private void initialize() {
        serverTrafficResult.setText(String.format(java.util.Locale.ROOT, "Sends %,d pipelined SETs, then %,d GETs, under the"
                + " prefix; then %d GETs on their own.", TrafficRun.KEYS, TrafficRun.KEYS, TrafficRun.SINGLE_GETS));
    }

    @FXML
    private void onTraffic() {
        sendTraffic();
    }

    /** The button (and talk / screenshot steps): the run, its figures in the panel, its code beside them. */
    CompletableFuture<TrafficRun.Result> sendTraffic() {
        serverTraffic.setDisable(true);
        code.show("Traffic", ServerCode.traffic(model.namespacePrefix() + "server:demo:",
                TrafficRun.KEYS, TrafficRun.EX_SECONDS, TrafficRun.SINGLE_GETS));
        return model.sendTraffic().whenComplete((r, e) -> fx.execute(() -> {
            serverTraffic.setDisable(false);
            serverTrafficResult.setText(e == null ? r.summary() : "Failed: " + JournalFormat.errorMessage(e));
        }));
    }

    String resultText() {
        return serverTrafficResult.getText();
    }
}
