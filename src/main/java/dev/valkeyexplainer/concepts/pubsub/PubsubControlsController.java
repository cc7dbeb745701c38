package dev.valkeyexplainer.concepts.pubsub;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;

/**
 * The "Try it" and "Measured fan-out" panels ({@code fxml/concepts/pubsub/controls.fxml}). Buttons
 * call the tab's {@link Actions}; the tab tells the panel what to show. FX thread only.
 */
public final class PubsubControlsController {

    /** What the panel's buttons ask for (the tab runs them against the servers). */
    interface Actions {
        void send(String from, String text);

        void mode(ChatMode m);

        void addPlayer();

        void toggleAway(String player);

        void burst(String countText);

        void patterns();

        void moveSlot();

        void ownCluster();
    }

    private final Actions actions;

    @FXML private ToggleGroup modes;
    @FXML private Label where;
    @FXML private Button ownCluster;
    @FXML private ToggleButton shardedMode;
    @FXML private ToggleButton classicMode;
    @FXML private ComboBox<String> sender;
    @FXML private TextField message;
    @FXML private Button send;
    @FXML private Button addPlayer;
    @FXML private Button away;
    @FXML private Button patterns;
    @FXML private Button moveSlot;
    @FXML private Label status;
    @FXML private TextField burstCount;
    @FXML private Button burst;
    @FXML private GridPane fanoutTable;
    @FXML private Label fanoutNote;

    PubsubControlsController(Actions actions) {
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        sender.getItems().setAll("alice", "bob");
        sender.setValue("alice");
        shardedMode.setSelected(true);
        shardedMode.setId("pubsub-sharded");
        classicMode.setId("pubsub-classic");
        message.setId("pubsub-message");
        send.setId("pubsub-send");
        burst.setId("pubsub-burst");
        moveSlot.setId("pubsub-move-slot");
        away.setId("pubsub-away");
        patterns.setId("pubsub-patterns");
        addPlayer.setId("pubsub-add-player");
        status.setId("pubsub-status");
        fanoutTable.setId("pubsub-fanout-table");
    }

    @FXML
    private void onSend() {
        actions.send(sender.getValue(), message.getText());
    }

    @FXML
    private void onSharded() {
        actions.mode(ChatMode.SHARDED);
    }

    @FXML
    private void onClassic() {
        actions.mode(ChatMode.CLASSIC);
    }

    @FXML
    private void onAddPlayer() {
        actions.addPlayer();
    }

    @FXML
    private void onAway() {
        actions.toggleAway("bob");
    }

    @FXML
    private void onPatterns() {
        actions.patterns();
    }

    @FXML
    private void onMoveSlot() {
        actions.moveSlot();
    }

    @FXML
    private void onBurst() {
        actions.burst(burstCount.getText());
    }

    @FXML
    private void onOwnCluster() {
        actions.ownCluster();
    }

    /** Where the chat runs, what it can do there. */
    void showBackend(String description, boolean sharded, boolean slotMoves, boolean offerOwnCluster) {
        where.setText(sharded ? description : description + " " + ChatTexts.NEEDS_CLUSTER);
        shardedMode.setDisable(!sharded);
        moveSlot.setDisable(!slotMoves);
        ownCluster.setVisible(offerOwnCluster);
        ownCluster.setManaged(offerOwnCluster);
    }

    void showMode(ChatMode m) {
        (m == ChatMode.SHARDED ? shardedMode : classicMode).setSelected(true);
    }

    /** The players who can speak, and Bob's button. */
    void showPlayers(List<String> speakers, Set<String> awayNow) {
        String chosen = sender.getValue();
        sender.getItems().setAll(speakers);
        sender.setValue(speakers.contains(chosen) ? chosen : speakers.isEmpty() ? null : speakers.get(0));
        away.setText(awayNow.contains("bob") ? "Bob comes back" : "Bob leaves");
    }

    void showStatus(String text, boolean error) {
        status.setText(text);
        status.getStyleClass().remove("error-text");
        if (error) status.getStyleClass().add("error-text");
    }

    void clearMessage() {
        message.clear();
    }

    /** The burst's table: the measured row, then the projected ones (labelled). */
    void showCost(FanoutCost c) {
        fanoutTable.getChildren().clear();
        String[] heads = {"Shards", "Classic", "Sharded", "Ratio"};
        if (c.sharded() != null) for (int i = 0; i < heads.length; i++) fanoutTable.add(cell(heads[i], "stat-caption"), i, 0);
        int row = 1;
        for (FanoutCost.Row r : c.sharded() == null ? List.<FanoutCost.Row>of() : c.rows(3, 10, 100)) {
            String style = r.measured() ? "fanout-measured" : "fanout-projected";
            fanoutTable.add(cell(String.format(Locale.ROOT, "%d %s", r.shards(), r.measured() ? "measured" : "projected"), style), 0, row);
            fanoutTable.add(cell(messages(r.classicMessages()) + " · " + Captions.bytes(Math.round(r.classicBytes())), style), 1, row);
            fanoutTable.add(cell(messages(r.shardedMessages()) + " · " + Captions.bytes(Math.round(r.shardedBytes())), style), 2, row);
            fanoutTable.add(cell(Double.isInfinite(r.ratio()) ? "∞" : String.format(Locale.ROOT, "%.0f×", r.ratio()), style), 3, row++);
        }
        Fanout f = c.classic();
        fanoutNote.setText(Captions.cost(c) + (c.sharded() == null ? "" : " Cells: bus messages · bytes per published message."
                + (f.measuredBytes() >= 0 ? " Bytes counted by the servers." : " Bytes = messages × size (16-byte light header + 8"
                + " + channel + message, Valkey src/cluster_legacy.h).") + " Projected rows are arithmetic on the measured one."
                + (f.sentCounted() ? "" : " This Valkey does not count sent publish bus messages (valkey#1563): the received"
                + " counters are added up.")));
    }

    private static String messages(double m) {
        return m == Math.rint(m) ? String.format(Locale.ROOT, "%.0f", m) : String.format(Locale.ROOT, "%.1f", m);
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** The table's cells' texts, row by row (tests). */
    List<String> tableTexts() {
        return fanoutTable.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    String statusText() {
        return status.getText();
    }

    void setMessage(String text) {
        message.setText(text);
    }

    void setSender(String player) {
        sender.setValue(player);
    }

    void setBurstCount(int n) {
        burstCount.setText(Integer.toString(n));
    }

    ToggleGroup modes() {
        return modes;
    }
}
