package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.LivePoller;
import dev.valkeyexplainer.concept.ServerHooks;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.Capability;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * Geospatial queries on an offline map, and the 52-bit geohash cells behind them: GEOADD, GEOSEARCH
 * (drawn as a circle or a box with the cells the server scans), GEODIST, a member's score as
 * interleaved bits, and any GEO key of the server opened read-only. Lifecycle only: the behaviour is
 * in {@link GeoTab}, the drawing in {@link GeoView}, the scenario in {@link GeoTalk}.
 */
public final class GeoConcept implements Concept {

    public static final String ID = "geo";
    static final long POLL_MS = 1_000;

    private ConceptContext ctx;
    private GeoModel model;
    private GeoTab tab;
    private GeoView view;
    private LivePoller<GeoModel.Snapshot> poller;
    private ServerHooks hooks;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.GEO;
    }

    @Override
    public String title() {
        return "Geospatial";
    }

    @Override
    public String summary() {
        return "Who is near? GEOADD and GEOSEARCH on a map, and the 52-bit geohash cells behind them";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE);
    }

    @Override
    public List<String> keywords() {
        return List.of("GEOADD", "GEOSEARCH", "GEORADIUS", "GEODIST", "GEOPOS", "GEOHASH", "ZRANGE", "geohash", "map",
                "radius", "nearby", "location", "sorted set");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        dispose(); // a second view replaces the first: its poller and listeners must not live on
        ValkeyGateway.Scope scope = ctx.scope(ID, "map");
        String worldKey = scope.key("geo:world");
        model = new GeoModel(worldKey);
        CodePanel code = ctx.codePanel();
        GeoActions actions = new GeoActions(scope);
        poller = new LivePoller<>(ctx.gateway().scheduler(), POLL_MS,
                () -> actions.read(model.key.get(), ctx.gateway().namespace().owns(model.key.get())),
                new FxHandoff<>(ctx.fx(), this::showSnapshot),
                e -> ctx.fx().execute(() -> view.keyLine.setText(model.key.get() + ": cannot read it: " + JournalFormat.errorMessage(e))));
        tab = new GeoTab(model, actions, new KeyFinder(scope), ctx.fx(), code, ctx.gateway().namespace(), worldKey, poller::tick);
        view = new GeoView(ctx.palette(), model, tab);
        tab.view = view;
        GeoControlsController controls = new GeoControlsController(model, tab);
        tab.controls = controls;
        VBox form = ctx.fxml().load("concepts/geo/controls.fxml", controls);
        controls.clickCentresToggle().selectedProperty().addListener((o, a, b) ->
                view.map.clickMode.set(b ? GeoMapView.ClickMode.CENTRE : GeoMapView.ClickMode.ADD));
        code.show("Glide: who is near?", introSnippet(worldKey));
        hooks = new ServerHooks(ctx.gateway(), ctx.fx()).onReconnect(poller::tick).onNewData(tab::forget);
        return ConceptPane.layout(ID, "Geospatial: who is near?",
                "Members are drawn from their sorted-set scores as read from the server; every search is a real GEOSEARCH,"
                        + " and the cells under it are the server's own range queries.",
                view, form, """
                        GEOADD turns a longitude and latitude into one number: 26 bits say where the member is from west to \
                        east, 26 bits from south to north, and the bits are interleaved, so each pair of bits halves the \
                        cell again. That 52-bit number is the member's score in an ordinary sorted set, so members that are \
                        close usually have close scores. A search picks a cell size from the radius, takes the cell of the \
                        centre and its 8 neighbours, reads each as one score range of the sorted set (O(log n) to find it), \
                        and keeps the candidates whose Haversine distance is inside the circle or box.""", code);
    }

    /** The first code shown: the talk's GEOADD and search, with the island's real coordinates. */
    private static Snippet introSnippet(String key) {
        GameWorld.Place alice = GameWorld.talkPreset().get(0);
        double[] q = GameWorld.queryPoint();
        String aLon = GeoCommands.num(alice.lon());
        String aLat = GeoCommands.num(alice.lat());
        String qLon = GeoCommands.num(q[0]);
        String qLat = GeoCommands.num(q[1]);
        return Snippet.of(GeoTab.GEORADIUS_NOTE_JAVA + """
                client.geoadd("%1$s", Map.of("Alice", new GeospatialData(%2$s, %3$s))).get();
                Object[] near = client.geosearch("%1$s",
                    new CoordOrigin(new GeospatialData(%4$s, %5$s)),
                    new GeoSearchShape(3, GeoUnit.KILOMETERS),
                    GeoSearchOptions.builder().withdist().withcoord().build(),
                    new GeoSearchResultOptions(SortOrder.ASC)).get();""".formatted(key, aLon, aLat, qLon, qLat),
                GeoTab.GEORADIUS_NOTE_PY + """
                await client.geoadd("%1$s", {"Alice": GeospatialData(%2$s, %3$s)})
                near = await client.geosearch("%1$s", GeospatialData(%4$s, %5$s),
                    GeoSearchByRadius(3, GeoUnit.KILOMETERS), order_by=OrderBy.ASC,
                    with_coord=True, with_dist=True)""".formatted(key, aLon, aLat, qLon, qLat));
    }

    private void showSnapshot(GeoModel.Snapshot s) {
        if (!s.key().equals(model.key.get())) return; // a reading of the key shown before
        GeoModel.Snapshot old = model.snapshot.get();
        if (old == null || !old.equals(s)) model.snapshot.set(s);
        String sel = model.selected.get();
        if (sel != null && s.member(sel).isEmpty()) model.selected.set(null);
    }

    @Override
    public void activate() {
        if (poller != null) poller.start();
    }

    @Override
    public void deactivate() {
        if (poller != null) poller.stop();
    }

    @Override
    public void dispose() {
        deactivate();
        if (hooks != null) hooks.remove();
    }

    @Override
    public void onReset() {
        if (tab != null) tab.forget();
    }

    /** The tab's behaviour (tests and the talk drive it). */
    GeoTab tab() {
        return tab;
    }

    GeoModel model() {
        return model;
    }

    GeoView view() {
        return view;
    }

    @Override
    public List<TalkStep> talkSteps() {
        return new GeoTalk(this).talkSteps();
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return new GeoTalk(this).screenshotSteps();
    }

    CompletableFuture<Void> onFx(Runnable r) {
        return Async.onFx(ctx.fx(), () -> {
            r.run();
            return CompletableFuture.completedFuture(null);
        });
    }

    <T> CompletableFuture<T> onFxFuture(java.util.function.Supplier<CompletableFuture<T>> work) {
        return Async.onFx(ctx.fx(), work);
    }
}
