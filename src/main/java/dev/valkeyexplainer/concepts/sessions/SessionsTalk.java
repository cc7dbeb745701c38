package dev.valkeyexplainer.concepts.sessions;

import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The talk's session section as steps, pressing the same controls a user would: a session stored
 * both ways, the two path dialects, a filter evaluated on the server, changes made on the server, what
 * the Hash costs, and what filtering on the server saves. The screenshot steps' captions carry the
 * figures the server gave.
 */
final class SessionsTalk {

    static final String FILTER = "$.inventory[?(@.qty>1)].name";
    static final int WIRE_ITEMS = 200;

    private final SessionsConcept concept;

    SessionsTalk(SessionsConcept concept) {
        this.concept = concept;
    }

    private SessionsTab tab() {
        return concept.tab();
    }

    /** A session, made when there is none yet (the steps after the first can run on their own). */
    private CompletableFuture<String> session() {
        return concept.onFx(() -> concept.model().sessionId.get() != null && concept.model().snapshot.get() != null
                && concept.model().snapshot.get().json().exists()
                ? CompletableFuture.completedFuture(concept.model().sessionId.get()) : tab().createSession());
    }

    CompletableFuture<String> create() {
        return concept.onFx(() -> tab().createSession());
    }

    CompletableFuture<SessionsModel.Query> ask(String path) {
        return session().thenCompose(id -> concept.onFx(() -> {
            tab().controls.fillPath(path);
            return tab().query(path);
        }));
    }

    CompletableFuture<SessionStore.Edit> change() {
        return session().thenCompose(id -> concept.onFx(() -> {
            tab().controls.fill("level", null, "1");
            return tab().incrementField("level", "1");
        })).thenCompose(e -> concept.onFx(() -> {
            tab().controls.fillItem("Phoenix Feather", 1, "legendary");
            return tab().addInventoryItem(new PlayerSession.Item("Phoenix Feather", 1, "legendary"));
        }));
    }

    CompletableFuture<SessionsModel.MemoryRun> memory() {
        return concept.onFx(() -> tab().measure());
    }

    CompletableFuture<SessionsModel.WireRun> wire() {
        return concept.onFx(() -> {
            tab().controls.items.setText(Integer.toString(WIRE_ITEMS));
            return tab().compareFiltering(WIRE_ITEMS);
        });
    }

    List<TalkStep> talkSteps() {
        return List.of(
                new TalkStep("A session as a Hash", "A new player logs in: the session id is a UUID, as in the talk. HSET stores"
                        + " the fields under vx:session:{id}; the table is HGETALL's answer. Point at the encoding: the"
                        + " inventory had to be serialised into one long field, and that alone makes the Hash a hashtable.",
                        this::create),
                new TalkStep("The same session as JSON", "The same data as one document: JSON.SET at $. Ask for .email: a path"
                        + " without $ is the restricted syntax and answers one value, like HGET for a top-level field.",
                        () -> ask(".email")),
                new TalkStep("The server filters", "Now a JSONPath: items with more than one in stock, only their names. The"
                        + " server walks the document and answers an array; the nodes it matched light up. The Hash cannot"
                        + " look inside its inventory field: the app would fetch it all and filter.", () -> ask(FILTER)),
                new TalkStep("Change it on the server", "Level up: JSON.NUMINCRBY and HINCRBY both add on the server. Then a new"
                        + " item: JSON.ARRAPPEND is one atomic command, the Hash needs HGET, parse, HSET: two round trips, and a"
                        + " write in between would be lost. Both views mark what changed.", this::change),
                new TalkStep("What a Hash costs", "Fields added one by one, then one value growing: MEMORY USAGE and OBJECT"
                        + " ENCODING after each step. Past hash-max-listpack-entries fields, or one value longer than"
                        + " hash-max-listpack-value bytes, the listpack becomes a hashtable and the memory jumps.", this::memory),
                new TalkStep("Filter on the server or in the app", "200 items, one legendary. JSON.GET with a filter sends just"
                        + " that item; HGETALL sends everything and the app parses it. Compare the bytes and the round trips.",
                        this::wire));
    }

    List<ScreenshotStep> screenshotSteps() {
        return List.of(
                new ScreenshotStep("sessions-side-by-side", () -> create().thenCompose(id -> ask(FILTER)).thenApply(q -> {
                    SessionsModel.Snapshot s = concept.model().snapshot.get();
                    return String.format(Locale.ROOT, "Sessions, side by side: the Hash (%s, %d fields, MEMORY USAGE %,d B) and"
                                    + " the document (%,d B); JSON.GET %s → %s, %d nodes highlighted.",
                            s.hash().encoding(), s.hash().fields().size(), s.hash().memory(), s.json().memory(), q.path(),
                            q.reply(), q.matches().size());
                })),
                new ScreenshotStep("sessions-changes", () -> change().thenApply(e -> {
                    SessionsModel.Changes c = concept.model().changes.get();
                    return "Sessions, changed on the server: " + e.json().command() + " → " + e.json().reply() + "; the Hash took"
                            + " HGET + HSET. Marked: " + c.fields().size() + " Hash field(s), " + c.pointers().size() + " JSON node(s).";
                })),
                new ScreenshotStep("sessions-memory", () -> memory().thenApply(r -> "Sessions, what a Hash costs: "
                        + SessionsView.memoryText(r))),
                new ScreenshotStep("sessions-wire", () -> wire().thenApply(r -> "Sessions, filtering: " + SessionsView.wireText(r))),
                new ScreenshotStep("sessions-bad-path", () -> session().thenCompose(id -> concept.onFx(() ->
                        tab().tryBadInput(SessionsControlsController.BadInput.SYNTAX)).handle((x, e) ->
                        "Sessions, a path with a syntax error: " + concept.model().problem.get()))));
    }
}
