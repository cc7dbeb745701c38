package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.Namespace;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The tab's behaviour: what the map and the "Try it" panel ask for, run against the server through
 * {@link GeoActions}, with the result put into the model (FX thread), the calls shown in the code
 * panel, and a failure shown as the server's (or the app's) message. Every method may be called on
 * the FX thread and returns a future that completes once the model shows the result.
 */
final class GeoTab implements GeoControlsController.Handler, GeoMapView.Actions {

    static final String GEORADIUS_NOTE_JAVA = "// The talk used GEORADIUS, the older form (deprecated since Valkey 6.2).\n"
            + "// Glide for Java has no georadius(): GEOSEARCH does the same, and boxes too.\n";
    static final String GEORADIUS_NOTE_PY = "# The talk used GEORADIUS, the older form; GEOSEARCH replaces it.\n";

    private final GeoModel model;
    private final GeoActions actions;
    private final KeyFinder finder;
    private final Executor fx;
    private final CodePanel code;
    private final Namespace namespace;
    private final String worldKey;
    private final Runnable poll;
    GeoControlsController controls;
    GeoView view;
    private boolean fitOnNextSnapshot;

    GeoTab(GeoModel model, GeoActions actions, KeyFinder finder, Executor fx, CodePanel code, Namespace namespace,
           String worldKey, Runnable poll) {
        this.model = model;
        this.actions = actions;
        this.finder = finder;
        this.fx = fx;
        this.code = code;
        this.namespace = namespace;
        this.worldKey = worldKey;
        this.poll = poll;
        model.snapshot.addListener((o, a, s) -> {
            if (s != null && fitOnNextSnapshot && s.key().equals(model.key.get())) {
                fitOnNextSnapshot = false;
                view.fitMembers();
            }
        });
    }

    /** Runs an action; on the FX thread shows its calls and applies {@code done}, or shows the failure. */
    private <T, R> CompletableFuture<R> run(String heading, CompletableFuture<GeoActions.Done<T>> work,
                                            Function<GeoActions.Done<T>, R> done) {
        model.problem.set("");
        return work.handleAsync((d, e) -> {
            if (e != null) {
                model.problem.set(JournalFormat.errorMessage(e));
                throw new java.util.concurrent.CompletionException(e);
            }
            Snippet s = GeoPython.snippet(d.calls());
            if (heading.startsWith("GEOSEARCH")) s = Snippet.of(GEORADIUS_NOTE_JAVA + s.java(), GEORADIUS_NOTE_PY + s.python());
            code.show(heading, s);
            R r = done.apply(d);
            poll.run();
            return r;
        }, fx);
    }

    private String readOnlyProblem() {
        return model.writable.get() ? null : model.key.get() + " is open read-only (it is outside the app's namespace "
                + namespace.prefix() + "). Use \"Back to the game\" to change the game's key.";
    }

    private <T> CompletableFuture<T> refused(String why) {
        model.problem.set(why);
        return CompletableFuture.failedFuture(new IllegalArgumentException(why));
    }

    @Override
    public void add(double lon, double lat) {
        String typed = controls.nameField.getText() == null ? "" : controls.nameField.getText().strip();
        GeoModel.Snapshot s = model.snapshot.get();
        String name = typed;
        if (name.isEmpty() || (s != null && s.member(name).isPresent())) {
            int n = 1;
            while (s != null && s.member("Player " + n).isPresent()) n++;
            name = "Player " + n;
        }
        add(name, lon, lat);
    }

    @Override
    public void add(String name, double lon, double lat) {
        addMember(name, lon, lat);
    }

    CompletableFuture<Long> addMember(String name, double lon, double lat) {
        String ro = readOnlyProblem();
        if (ro != null) return refused(ro);
        String key = model.key.get();
        return run("GEOADD", actions.add(key, name, lon, lat), d -> {
            model.placedAt.put(name.strip(), new double[]{lon, lat});
            model.status.set(String.format(Locale.ROOT, "GEOADD %s %.6f %.6f %s → %d (%s)", key, lon, lat, name.strip(), d.value(),
                    d.value() == 1 ? "new member" : "moved: the score was replaced"));
            model.selected.set(name.strip());
            inspect(name.strip(), model.step.get());
            return d.value();
        });
    }

    @Override
    public void move(String member, double lon, double lat) {
        add(member, lon, lat);
    }

    @Override
    public void remove(String name) {
        String ro = readOnlyProblem();
        if (ro != null) {
            refused(ro);
            return;
        }
        String key = model.key.get();
        run("ZREM", actions.remove(key, name), d -> {
            model.status.set("ZREM " + key + " " + name + " → " + d.value() + ": a GEO set is a sorted set, so ZREM removes a member.");
            model.placedAt.remove(name);
            if (name.equals(model.selected.get())) model.selected.set(null);
            return d.value();
        });
    }

    @Override
    public void select(String member) {
        model.selected.set(member);
        inspect(member, model.step.get());
    }

    @Override
    public void centre(double lon, double lat) {
        String p = GeoHash.coordinateProblem(lon, lat);
        if (p != null) {
            refused(p);
            return;
        }
        model.centre.set(new double[]{lon, lat});
        GeoModel.Search last = model.search.get();
        if (last != null && last.fromMember() == null) search(last.shape().at(lon, lat), null, last.count());
    }

    @Override
    public void distance(String a, String b) {
        distanceBetween(a, b);
    }

    CompletableFuture<GeoModel.Distance> distanceBetween(String a, String b) {
        return run("GEODIST", actions.distance(model.key.get(), a, b), d -> {
            GeoModel.Distance r = d.value();
            model.distance.set(r);
            controls.distResult.setText(String.format(Locale.ROOT, "%s ↔ %s: %,.4f m = %,.4f km = %,.4f mi = %,.4f ft"
                    + " (Haversine on a sphere of 6,372,797.56 m)", a, b, r.m(), r.km(), r.mi(), r.ft()));
            model.status.set(String.format(Locale.ROOT, "GEODIST %s %s %s → %,.4f m", model.key.get(), a, b, r.m()));
            return r;
        });
    }

    @Override
    public void search(SearchShape shape, String fromMember, long count) {
        runSearch(shape, fromMember, count);
    }

    CompletableFuture<GeoModel.Search> runSearch(SearchShape shape, String fromMember, long count) {
        if (fromMember == null) model.centre.set(new double[]{shape.lon(), shape.lat()});
        return run("GEOSEARCH and the cells under it", actions.search(model.key.get(), shape, fromMember, count), d -> {
            GeoModel.Search s = d.value();
            model.search.set(s);
            controls.showSearch(shape, fromMember);
            view.revealSearch(s);
            model.status.set(String.format(Locale.ROOT, "GEOSEARCH %s: %d hit%s; %d cells scanned, %d candidates.",
                    shape.describe(), s.hits().size(), s.hits().size() == 1 ? "" : "s", s.plan().scanned().size(), s.candidates()));
            return s;
        });
    }

    @Override
    public void inspect(String member, int step) {
        inspectMember(member, step);
    }

    CompletableFuture<GeoModel.Detail> inspectMember(String member, int step) {
        return run("The score of " + member, actions.inspect(model.key.get(), member, step), d -> {
            model.detail.set(d.value());
            return d.value();
        });
    }

    @Override
    public void loadTalk() {
        loadTalkExample();
    }

    CompletableFuture<Long> loadTalkExample() {
        if (!model.key.get().equals(worldKey)) backToGame();
        return run("The talk's example", actions.loadTalkExample(worldKey), d -> {
            model.search.set(null);
            model.detail.set(null);
            model.selected.set(null);
            model.placedAt.clear();
            GameWorld.talkPreset().forEach(p -> model.placedAt.put(p.name(), new double[]{p.lon(), p.lat()}));
            model.status.set("DEL, then GEOADD Alice → 1 and GEOADD Beach One → 1: both added.");
            view.map.home();
            return d.value();
        });
    }

    @Override
    public void morePlaces() {
        addMorePlaces();
    }

    CompletableFuture<Long> addMorePlaces() {
        String ro = readOnlyProblem();
        if (ro != null) return refused(ro);
        return run("More places", actions.addMorePlaces(model.key.get()), d -> {
            GameWorld.morePlaces().forEach(p -> model.placedAt.put(p.name(), new double[]{p.lon(), p.lat()}));
            model.status.set(String.format(Locale.ROOT, "GEOADD × %d: %d new member%s.", GameWorld.morePlaces().size(), d.value(),
                    d.value() == 1 ? "" : "s"));
            return d.value();
        });
    }

    @Override
    public void findKeys() {
        model.problem.set("");
        model.status.set("SCAN … TYPE zset …");
        finder.find().whenCompleteAsync((found, e) -> {
            if (e != null) model.problem.set(JournalFormat.errorMessage(e));
            else {
                controls.showFound(found);
                model.status.set("");
            }
        }, fx);
    }

    @Override
    public void openKey(String key) {
        open(key);
    }

    /** Checks that {@code key} holds GEO data (read-only) and shows it, or says why not and changes nothing. */
    CompletableFuture<KeyFinder.Found> open(String key) {
        model.problem.set("");
        return finder.inspect(key).whenCompleteAsync((f, e) -> {
            if (e != null) {
                model.problem.set(JournalFormat.errorMessage(e));
            } else if (!f.geo()) {
                model.problem.set(f.problem() + " Nothing was opened.");
            } else {
                switchTo(key);
                model.status.set(String.format(Locale.ROOT, "Opened %s: %,d members%s.", key, f.size(),
                        model.writable.get() ? "" : ", read-only"));
            }
        }, fx);
    }

    @Override
    public void backToGame() {
        switchTo(worldKey);
        view.map.home();
    }

    private void switchTo(String key) {
        model.key.set(key);
        model.writable.set(namespace.owns(key));
        model.search.set(null);
        model.detail.set(null);
        model.selected.set(null);
        model.snapshot.set(null);
        fitOnNextSnapshot = !key.equals(worldKey);
        poll.run();
    }

    /** After "Reset demo data" or a new server: back to the game's key, nothing remembered. */
    void forget() {
        model.placedAt.clear();
        model.distance.set(null);
        model.problem.set("");
        model.status.set("");
        switchTo(worldKey);
    }

    /** Writes the Valkey docs' Sicily example (Palermo, Catania) to {@code key}, which must be in the namespace. */
    CompletableFuture<Long> writeSicily(String key) {
        return run("The Valkey docs' example", actions.loadFresh(key, List.of(
                new GameWorld.Place("Palermo", 13.361389, 38.115556, false),
                new GameWorld.Place("Catania", 15.087269, 37.502669, false))), GeoActions.Done::value);
    }

    List<String> memberNames() {
        GeoModel.Snapshot s = model.snapshot.get();
        return s == null ? List.of() : s.members().stream().map(GeoModel.Member::name).toList();
    }
}
