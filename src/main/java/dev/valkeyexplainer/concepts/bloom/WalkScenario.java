package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One add or test, step by step, for the shared player: (1) the item's MurmurHash3, computed in Java;
 * (2 …) each hash position and the bit it lands on, read from the server (GETBIT, or one BITFIELD_RO per
 * sub-filter when there are many); (last) the script runs the whole operation atomically, computing the
 * positions itself, and the tab checks they are the ones it computed, then reads the bits back.
 */
final class WalkScenario implements StepPlayer.Scenario {

    /** What to walk through: an add or a test of one item. */
    record Request(boolean add, String item) {
    }

    /** One group of positions read in one step. */
    private record Group(int filter, int firstHash, int[] positions, BloomHash.Hashed hashed) {
    }

    /** At most this many positions are read one per step; beyond, one step per sub-filter. */
    static final int ONE_BY_ONE = 12;

    private final BloomStore store;
    private final BloomModel model;
    private final Executor fx;
    private final CodePanel code;
    private final Supplier<Request> request;
    private Request req;
    private BloomKeys keys;
    private List<Group> groups;
    private int next;
    private final List<ValkeyCall<?>> reads = new ArrayList<>();
    private final List<BloomModel.Probe> probes = new ArrayList<>();
    private BloomScript.Added lastAdded;

    WalkScenario(BloomStore store, BloomModel model, Executor fx, CodePanel code, Supplier<Request> request) {
        this.store = store;
        this.model = model;
        this.fx = fx;
        this.code = code;
        this.request = request;
    }

    @Override
    public void reset() {
        groups = null;
        next = 0;
        reads.clear();
        probes.clear();
        lastAdded = null;
    }

    @Override
    public CompletionStage<Boolean> step() {
        if (groups == null) return CompletableFuture.completedFuture(plan());
        if (next < groups.size()) return read(groups.get(next++));
        return finish();
    }

    /** Step 1, on the FX thread: check the input, hash in Java, plan the reads. */
    private boolean plan() {
        req = request.get();
        String p = BloomInput.itemProblem(req.item());
        BloomState.Filter f = model.filter.get();
        keys = model.keys.get();
        if (p == null && (f == null || !f.exists() || !f.name().equals(keys.name()))) p = "Create the filter first (Create).";
        if (p != null) throw new IllegalArgumentException(p);
        List<Group> g = new ArrayList<>();
        int total = f.filters().stream().mapToInt(BloomState.SubFilter::k).sum();
        for (BloomState.SubFilter sf : f.filters()) {
            BloomHash.Hashed h = BloomHash.hash(req.item(), sf.m(), sf.k());
            if (total <= ONE_BY_ONE) {
                for (int i = 0; i < sf.k(); i++) g.add(new Group(sf.index(), i, new int[]{h.position(i)}, h));
            } else {
                g.add(new Group(sf.index(), 0, h.positions(), h));
            }
        }
        groups = g;
        BloomHash.Hashed first = g.get(0).hashed();
        model.walk.set(new BloomModel.Walk(req.add(), req.item(), first.h1(), first.h2(), List.of(), "", true));
        model.marks.set(BloomModel.Marks.NONE);
        code.show("Step 1: hash " + req.item(), BloomCode.walk(List.of(), keys, req.add() ? "add" : "test", List.of(req.item())));
        return true;
    }

    private CompletionStage<Boolean> read(Group g) {
        return store.bits(keys, g.filter(), g.positions()).thenApplyAsync(d -> {
            reads.addAll(d.calls());
            for (int i = 0; i < g.positions().length; i++) {
                int hash = g.firstHash() + i;
                probes.add(new BloomModel.Probe(g.filter(), hash, g.hashed().formula(hash), g.positions()[i], d.value()[i],
                        model.setBy(keys.name(), g.filter(), g.positions()[i])));
            }
            BloomModel.Walk w = model.walk.get();
            model.walk.set(new BloomModel.Walk(w.add(), w.item(), w.h1(), w.h2(), probes, "", true));
            int[] probed = probes.stream().filter(p -> p.filter() == g.filter()).mapToInt(BloomModel.Probe::position).toArray();
            model.shownFilter.set(g.filter());
            model.marks.set(new BloomModel.Marks(keys.name(), g.filter(), probed, new int[0]));
            code.show("Step " + (next + 1) + ": read the bits", BloomCode.walk(reads, keys, req.add() ? "add" : "test", List.of(req.item())));
            return true;
        }, fx);
    }

    /** The last step: the script does the whole operation atomically; then the bits are read back. */
    private CompletionStage<Boolean> finish() {
        String name = keys.name();
        List<String> items = List.of(req.item());
        CompletableFuture<String> verdict;
        CompletableFuture<int[][]> marks = new CompletableFuture<>();
        if (req.add()) {
            verdict = store.add(keys, items).thenApplyAsync(d -> {
                BloomScript.Added a = d.value().get(0);
                marks.complete(new int[][]{{a.filter()}, a.positions(), flipped(a)});
                lastAdded = a;
                String v = Verdict.add(model, name, a);
                model.remember(name, d.value());
                return v;
            }, fx);
        } else {
            verdict = store.test(keys, items).thenApplyAsync(d -> {
                BloomScript.Tested t = d.value().get(0);
                BloomScript.Probe shown = t.probes().stream().filter(BloomScript.Probe::allSet).findFirst()
                        .orElse(t.probes().get(t.probes().size() - 1));
                marks.complete(new int[][]{{shown.filter()}, shown.positions(), new int[0]});
                return Verdict.test(model, name, t) + agreement(t.probes(), null);
            }, fx);
        }
        return verdict.thenCompose(v -> store.read(keys, true).thenApplyAsync(after -> {
            int[][] m = marks.join();
            String said = v;
            if (req.add() && lastAdded != null && lastAdded.filter() < after.filters().size()) {
                BloomState.SubFilter sf = after.filters().get(lastAdded.filter());
                said += agreement(List.of(new BloomScript.Probe(sf.index(), lastAdded.positions(), lastAdded.before())),
                        BloomHash.hash(req.item(), sf.m(), sf.k()));
            }
            model.filter.set(after);
            model.shownFilter.set(m[0][0]);
            model.marks.set(new BloomModel.Marks(name, m[0][0], m[1], m[2]));
            BloomModel.Walk w = model.walk.get();
            model.walk.set(new BloomModel.Walk(w.add(), w.item(), w.h1(), w.h2(), probes, said, !said.contains("✗")));
            code.show("Last step: the script (atomic)", BloomCode.walk(reads, keys, req.add() ? "add" : "test", items));
            return false;
        }, fx));
    }

    private static int[] flipped(BloomScript.Added a) {
        if (!a.added()) return new int[0];
        List<Integer> f = new ArrayList<>();
        for (int i = 0; i < a.positions().length; i++) if (a.before()[i] == 0) f.add(a.positions()[i]);
        return f.stream().mapToInt(Integer::intValue).distinct().toArray();
    }

    /** " The server's positions are the ones computed in Java ✓" (or ✗ with the difference). */
    private String agreement(List<BloomScript.Probe> server, BloomHash.Hashed java) {
        for (BloomScript.Probe p : server) {
            BloomHash.Hashed h = java != null ? java : groups.stream().filter(x -> x.filter() == p.filter())
                    .map(Group::hashed).findFirst().orElse(null);
            if (h == null || !Arrays.equals(h.positions(), p.positions())) {
                return " The server's positions differ from Java's ✗: " + Arrays.toString(p.positions());
            }
        }
        return " The script's positions are the ones computed in Java ✓";
    }

    /** The request being walked through (after step 1). */
    Request current() {
        return req;
    }
}
