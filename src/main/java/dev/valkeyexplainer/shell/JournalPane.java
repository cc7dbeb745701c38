package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The command journal: every command the app sent, with the connection that sent it, the reply and
 * the measured round trip. Rows arrive from Glide's threads through a queue and reach the table at
 * most {@link #DRAINS_PER_SECOND} times a second, in one batch: the table lays itself out a few times
 * a second, not once per command. Rows the filters hide never enter the table (they wait in a bounded
 * backlog so a filter change can show them), and each row's text is formatted once, when first shown.
 */
public final class JournalPane extends BorderPane {

    static final int MAX_ROWS = 2_000;
    static final int DRAINS_PER_SECOND = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** A row of the table: the entry, and its texts made once, lazily. */
    public static final class Row {
        private final JournalEntry entry;
        private String time;
        private String command;
        private String micros;

        Row(JournalEntry entry) {
            this.entry = entry;
        }

        public JournalEntry entry() {
            return entry;
        }

        String time() {
            if (time == null) time = TIME.format(entry.time());
            return time;
        }

        String command() {
            if (command == null) command = entry.commandText();
            return command;
        }

        String micros() {
            if (micros == null) micros = String.format(Locale.ROOT, "%,d", entry.micros());
            return micros;
        }
    }

    private final ObservableList<Row> shown = FXCollections.observableArrayList();
    private final TableView<Row> table = new TableView<>(shown);
    /** Every recent row, shown or not (a filter change rebuilds the table from it). */
    private final ArrayDeque<Row> backlog = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<JournalEntry> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final Executor drainLater;
    private final Supplier<String> currentTab;
    private final CheckBox thisTabOnly = new CheckBox("This concept only");
    private final CheckBox showHealth = new CheckBox("Health checks");
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Label count = new Label();
    private Predicate<JournalEntry> filter = e -> true;
    private int heldWhilePaused;

    public JournalPane(CommandJournal journal, Executor fx, Supplier<String> currentTab) {
        this.currentTab = currentTab;
        this.drainLater = CompletableFuture.delayedExecutor(1_000 / DRAINS_PER_SECOND, TimeUnit.MILLISECONDS, fx);
        getStyleClass().add("journal");
        table.getColumns().add(column("Time", 95, Row::time));
        table.getColumns().add(column("Connection", 90, r -> r.entry().connection()));
        table.getColumns().add(column("Concept", 75, r -> r.entry().conceptId()));
        TableColumn<Row, String> cmd = column("Command", 430, Row::command);
        cmd.getStyleClass().add("mono");
        table.getColumns().add(cmd);
        TableColumn<Row, String> reply = column("Reply", 260, r -> r.entry().reply());
        reply.getStyleClass().add("mono");
        table.getColumns().add(reply);
        TableColumn<Row, String> micros = column("µs", 80, Row::micros);
        micros.getStyleClass().add("numeric");
        table.getColumns().add(micros);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), !empty && r != null && r.entry().error());
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

        Button cli = copyButton("valkey-cli", "Copy as valkey-cli", "journal-copy-cli", JournalEntry::cliLine);
        Button java = copyButton("Java", "Copy as Glide Java", "journal-copy-java", JournalEntry::glideJava);
        Button python = copyButton("Python", "Copy as Glide Python", "journal-copy-python", JournalEntry::glidePython);
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            shown.clear();
            backlog.clear();
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
        showHealth.setTooltip(new Tooltip("Show the connection's own traffic: connects, INFO and MODULE LIST, outages"));
        thisTabOnly.selectedProperty().addListener(o -> refilter());
        showHealth.selectedProperty().addListener(o -> refilter());
        Label title = new Label("Command journal");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.setMinWidth(0);
        FoldingBar bar = new FoldingBar();
        bar.setSpacing(8);
        // what does not fit (a projector at 150 % or 200 %) is in the ⋯ menu, as in the tool bar
        javafx.scene.control.MenuButton more = new javafx.scene.control.MenuButton("⋯");
        more.setId("journal-more");
        more.setFocusTraversable(false);
        more.setVisible(false);
        javafx.scene.control.CheckMenuItem moreHealth = new javafx.scene.control.CheckMenuItem("Health checks");
        moreHealth.selectedProperty().bindBidirectional(showHealth.selectedProperty());
        MenuItem moreClear = new MenuItem("Clear");
        moreClear.setOnAction(e -> clear.fire());
        more.getItems().add(moreHealth);
        more.getItems().add(moreClear);
        for (Button b : List.of(cli, java, python)) {
            MenuItem m = new MenuItem(b.getTooltip() != null ? b.getTooltip().getText() : b.getText());
            m.disableProperty().bind(b.disabledProperty());
            m.setOnAction(e -> b.fire());
            more.getItems().add(m);
        }
        bar.getChildren().addAll(title, count, spacer, thisTabOnly, showHealth, pause, clear, cli, java, python, more);
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n instanceof javafx.scene.control.Control c) c.setMinWidth(Region.USE_PREF_SIZE);
        }
        // on a narrow window (a projector at 200 %) the least needed controls step aside into the ⋯ menu (copying
        // is also in the rows' context menu)
        bar.setFoldOrder(List.of(List.of(python), List.of(java), List.of(cli), List.of(clear), List.of(showHealth),
                List.of(count)), more);
        bar.getStyleClass().add("journal-bar");
        setTop(bar);
        setCenter(table);
        // too low for a header and a row (talk mode, or the divider dragged down): only the bar, whole, and no
        // half-drawn table header over it
        heightProperty().addListener((o, a, h) -> {
            boolean room = h.doubleValue() >= barHeight() + MIN_TABLE_HEIGHT;
            if (room && getCenter() == null) setCenter(table);
            else if (!room && getCenter() != null) setCenter(null);
        });
        thisTabOnly.setId("journal-this-concept");
        refilter();

        incoming.addAll(journal.snapshot());
        journal.addListener(e -> {
            incoming.add(e);
            if (drainPending.compareAndSet(false, true)) drainLater.execute(this::drain);
        });
        drain();
    }

    private Button copyButton(String text, String tip, String id, Function<JournalEntry, String> what) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setId(id);
        b.setOnAction(e -> copySelected(what));
        b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        return b;
    }

    private static TableColumn<Row, String> column(String name, double width, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    /** FX thread: moves queued rows into the table in one batch (unless paused) and keeps the newest in view. */
    private void drain() {
        drainPending.set(false);
        if (pause.isSelected()) {
            heldWhilePaused = incoming.size();
            updateCount();
            return;
        }
        List<Row> visible = new ArrayList<>();
        JournalEntry e;
        while ((e = incoming.poll()) != null) {
            Row r = new Row(e);
            backlog.addLast(r);
            if (filter.test(e)) visible.add(r);
        }
        while (backlog.size() > CommandJournal.DEFAULT_CAPACITY) backlog.removeFirst();
        if (visible.isEmpty()) return; // hidden rows (health checks) cost no layout
        if (visible.size() > MAX_ROWS) visible = visible.subList(visible.size() - MAX_ROWS, visible.size());
        int overflow = shown.size() + visible.size() - MAX_ROWS;
        if (overflow > 0) shown.remove(0, overflow);
        shown.addAll(visible);
        updateCount();
        if (table.getSelectionModel().isEmpty()) table.scrollTo(shown.size() - 1);
    }

    private void updateCount() {
        String held = pause.isSelected() ? String.format(Locale.ROOT, " · paused, %,d new waiting", heldWhilePaused) : "";
        count.setText(String.format(Locale.ROOT, "%,d rows shown%s", shown.size(), held));
    }

    /** FX thread: re-applies the filters (also when the concept on screen changes). */
    public void refilter() {
        String tab = currentTab.get();
        boolean only = thisTabOnly.isSelected();
        boolean health = showHealth.isSelected();
        filter = en -> (health || !ValkeyGateway.HEALTH.equals(en.conceptId())) && (!only || en.conceptId().equals(tab));
        List<Row> rows = new ArrayList<>();
        for (Row r : backlog) if (filter.test(r.entry())) rows.add(r);
        if (rows.size() > MAX_ROWS) rows = rows.subList(rows.size() - MAX_ROWS, rows.size());
        shown.setAll(rows);
        updateCount();
        if (!shown.isEmpty() && table.getSelectionModel().isEmpty()) table.scrollTo(shown.size() - 1);
    }

    private void copySelected(Function<JournalEntry, String> what) {
        Row r = table.getSelectionModel().getSelectedItem();
        if (r == null) return;
        ClipboardContent c = new ClipboardContent();
        c.putString(what.apply(r.entry()));
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** Below this height under the bar (a header and one row, logical pixels) the table is not shown. */
    static final double MIN_TABLE_HEIGHT = 48;

    /** The height of the journal's bar (title, filters, copy buttons), in logical pixels: what talk mode keeps. */
    public double barHeight() {
        javafx.scene.Node bar = getTop();
        if (!(bar instanceof Region r)) return 0;
        double h = r.getHeight();
        return h > 0 ? h : r.prefHeight(-1);
    }

    public TableView<Row> table() {
        return table;
    }

    /** FX thread: moves every row that has arrived into the table now (tests, and before a copy). */
    public void drainNow() {
        drain();
    }

    /**
     * The entries on screen, oldest first. Any thread: off the FX thread the copy is made on it (the
     * table's list changes there), waiting at most 5 s; an empty list if the FX thread does not answer.
     */
    public List<JournalEntry> visibleRows() {
        if (javafx.application.Platform.isFxApplicationThread()) return shown.stream().map(Row::entry).toList();
        java.util.concurrent.CompletableFuture<List<JournalEntry>> copy = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> copy.complete(shown.stream().map(Row::entry).toList()));
        try {
            return copy.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return List.of();
        }
    }
}
