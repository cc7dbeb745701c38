package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The command journal: every command the app sent, with the connection that sent it, the reply and
 * the measured round trip. Rows arrive from Glide's threads through a queue and are drained on the
 * FX thread at most once per pulse.
 */
public final class JournalPane extends BorderPane {

    static final int MAX_ROWS = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final ObservableList<JournalEntry> rows = FXCollections.observableArrayList();
    private final FilteredList<JournalEntry> filtered = new FilteredList<>(rows);
    private final TableView<JournalEntry> table = new TableView<>(filtered);
    private final ConcurrentLinkedQueue<JournalEntry> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final Executor fx;
    private final Supplier<String> currentTab;
    private final CheckBox thisTabOnly = new CheckBox("This concept only");
    private final CheckBox showHealth = new CheckBox("Health checks");
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Label count = new Label();
    private int heldWhilePaused;

    public JournalPane(CommandJournal journal, Executor fx, Supplier<String> currentTab) {
        this.fx = fx;
        this.currentTab = currentTab;
        getStyleClass().add("journal");
        table.getColumns().add(column("Time", 95, e -> TIME.format(e.time())));
        table.getColumns().add(column("Connection", 90, JournalEntry::connection));
        table.getColumns().add(column("Tab", 70, JournalEntry::conceptId));
        TableColumn<JournalEntry, String> cmd = column("Command", 430, JournalEntry::commandText);
        cmd.getStyleClass().add("mono");
        table.getColumns().add(cmd);
        TableColumn<JournalEntry, String> reply = column("Reply", 260, JournalEntry::reply);
        reply.getStyleClass().add("mono");
        table.getColumns().add(reply);
        TableColumn<JournalEntry, Long> micros = new TableColumn<>("µs");
        micros.setPrefWidth(80);
        micros.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().micros()));
        micros.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%,d", v));
            }
        });
        micros.getStyleClass().add("numeric");
        table.getColumns().add(micros);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(JournalEntry e, boolean empty) {
                super.updateItem(e, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), !empty && e != null && e.error());
            }
        });
        table.setPlaceholder(new Label("No commands yet: every command the app sends shows up here."));

        MenuItem copyCli = new MenuItem("Copy as valkey-cli");
        copyCli.setOnAction(e -> copySelected(JournalEntry::cliLine));
        MenuItem copyJava = new MenuItem("Copy as Glide Java");
        copyJava.setOnAction(e -> copySelected(JournalEntry::glideJava));
        MenuItem copyPython = new MenuItem("Copy as Glide Python");
        copyPython.setOnAction(e -> copySelected(JournalEntry::glidePython));
        table.setContextMenu(new ContextMenu(copyCli, copyJava, copyPython));

        Button cli = new Button("valkey-cli");
        cli.setTooltip(new Tooltip("Copy as valkey-cli"));
        cli.setId("journal-copy-cli");
        cli.setOnAction(e -> copySelected(JournalEntry::cliLine));
        Button java = new Button("Java");
        java.setTooltip(new Tooltip("Copy as Glide Java"));
        java.setId("journal-copy-java");
        java.setOnAction(e -> copySelected(JournalEntry::glideJava));
        cli.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        java.disableProperty().bind(cli.disableProperty());
        Button python = new Button("Python");
        python.setTooltip(new Tooltip("Copy as Glide Python"));
        python.setId("journal-copy-python");
        python.setOnAction(e -> copySelected(JournalEntry::glidePython));
        python.disableProperty().bind(cli.disableProperty());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            rows.clear();
            journal.clear();
            updateCount();
        });
        pause.setTooltip(new Tooltip("Stop adding rows (commands are still sent and kept)"));
        pause.selectedProperty().addListener((o, was, paused) -> {
            if (!paused) {
                heldWhilePaused = 0;
                drain();
            }
            updateCount();
        });
        showHealth.setTooltip(new Tooltip("Show the PINGs and INFO calls that watch the connection"));
        thisTabOnly.selectedProperty().addListener(o -> refilter());
        showHealth.selectedProperty().addListener(o -> refilter());
        Label title = new Label("Command journal");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.setMinWidth(0);
        FoldingBar bar = new FoldingBar();
        bar.setSpacing(8);
        bar.getChildren().addAll(title, count, spacer, thisTabOnly, showHealth, pause, clear, cli, java, python);
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n instanceof javafx.scene.control.Control c) c.setMinWidth(Region.USE_PREF_SIZE);
        }
        // on a narrow window (a projector at 200 %) the least needed controls step aside; copying stays in the
        // rows' context menu
        bar.setFoldOrder(List.of(List.of(python), List.of(java), List.of(cli), List.of(clear), List.of(showHealth),
                List.of(count)), null);
        bar.getStyleClass().add("journal-bar");
        setTop(bar);
        setCenter(table);
        thisTabOnly.setId("journal-this-concept");
        refilter();

        for (JournalEntry e : journal.snapshot()) incoming.add(e);
        journal.addListener(e -> {
            incoming.add(e);
            if (drainPending.compareAndSet(false, true)) fx.execute(this::drain);
        });
        drain();
    }

    private static <T> TableColumn<JournalEntry, T> column(String name, double width, Function<JournalEntry, T> value) {
        TableColumn<JournalEntry, T> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    /** FX thread: moves queued rows into the table (unless paused) and keeps the newest row in view. */
    private void drain() {
        drainPending.set(false);
        if (pause.isSelected()) {
            heldWhilePaused = incoming.size();
            updateCount();
            return;
        }
        List<JournalEntry> batch = new ArrayList<>();
        JournalEntry e;
        while ((e = incoming.poll()) != null) batch.add(e);
        if (batch.isEmpty()) return;
        if (batch.size() > MAX_ROWS) batch = batch.subList(batch.size() - MAX_ROWS, batch.size());
        int overflow = rows.size() + batch.size() - MAX_ROWS;
        if (overflow > 0) rows.remove(0, overflow);
        rows.addAll(batch);
        updateCount();
        if (table.getSelectionModel().isEmpty() && !filtered.isEmpty()) table.scrollTo(filtered.size() - 1);
    }

    private void updateCount() {
        String held = pause.isSelected() ? String.format(Locale.ROOT, " · paused, %,d new waiting", heldWhilePaused) : "";
        count.setText(String.format(Locale.ROOT, "%,d rows shown%s", filtered.size(), held));
    }

    /** FX thread: re-applies the filters (also when the selected tab changes). */
    public void refilter() {
        String tab = currentTab.get();
        boolean only = thisTabOnly.isSelected();
        boolean health = showHealth.isSelected();
        filtered.setPredicate(e -> (health || !ValkeyGateway.HEALTH.equals(e.conceptId()))
                && (!only || e.conceptId().equals(tab)));
        updateCount();
    }

    private void copySelected(Function<JournalEntry, String> what) {
        JournalEntry e = table.getSelectionModel().getSelectedItem();
        if (e == null) return;
        ClipboardContent c = new ClipboardContent();
        c.putString(what.apply(e));
        Clipboard.getSystemClipboard().setContent(c);
    }

    public TableView<JournalEntry> table() {
        return table;
    }

    public List<JournalEntry> visibleRows() {
        return List.copyOf(filtered);
    }
}
