package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Sessions tab's state: what the server holds for the session (both keys, read together), what
 * changed at the last change, the last path query, and the two measurements. Records for the values,
 * properties (FX thread) for the view to follow; no nodes.
 */
final class SessionsModel {

    /** The Hash as the server holds it: fields in the server's order, OBJECT ENCODING, MEMORY USAGE (bytes). */
    record HashState(String key, Map<String, String> fields, String encoding, long memory) {
        boolean exists() {
            return !fields.isEmpty();
        }
    }

    /**
     * The JSON document as the server holds it.
     *
     * @param text         JSON.GET's reply for the whole document (null when the key does not exist)
     * @param memory       MEMORY USAGE of the key, bytes (-1 when it does not exist)
     * @param moduleMemory JSON.DEBUG MEMORY, bytes (only with valkey-json, else -1)
     */
    record JsonState(String key, String text, JsonNode doc, long memory, long moduleMemory) {
        boolean exists() {
            return text != null;
        }
    }

    /** One reading of both keys, and which engine served the JSON side. */
    record Snapshot(String sessionId, HashState hash, JsonState json, String engine) {
    }

    /** What differs from the reading before: hash fields, and JSON pointers of new or changed values. */
    record Changes(Set<String> fields, Set<String> pointers) {
        static final Changes NONE = new Changes(Set.of(), Set.of());
    }

    /**
     * One JSON.GET with a path.
     *
     * @param reply    the server's reply (null when it replied with an error)
     * @param error    the server's error message, or null
     * @param matches  the JSON pointers of the nodes the reply is made of (computed in the app, see {@link PathSelector})
     * @param agrees   true when the values at those pointers are exactly the reply (else nothing is highlighted)
     * @param hashNote what the Hash can do for the same question
     * @param micros   the round trip of the JSON.GET, measured by the app
     */
    record Query(String path, boolean jsonPath, String reply, String error, List<String> matches, boolean agrees,
                 String hashNote, long micros) {
    }

    /** The listpack limits as CONFIG GET reads them (null when the server refused CONFIG GET: see {@code problem}). */
    record Limits(Long entries, Long value, String problem) {
    }

    /** One step of the memory experiment: x fields (or bytes of the growing value), MEMORY USAGE, OBJECT ENCODING. */
    record MemoryPoint(int x, long bytes, String encoding) {
    }

    /** The memory experiment: fields added one by one, then one value grown byte by byte. */
    record MemoryRun(Limits limits, List<MemoryPoint> byFields, List<MemoryPoint> byValue) {
        /** The first x at which OBJECT ENCODING said hashtable, or -1. */
        static int switchAt(List<MemoryPoint> points) {
            for (MemoryPoint p : points) if ("hashtable".equals(p.encoding())) return p.x();
            return -1;
        }
    }

    /**
     * One way of fetching the legendary item, measured.
     *
     * @param replyBytes   the reply's size as RESP3 encodes it
     * @param medianMicros median round trip over the rounds
     * @param clientMicros median time the app spent parsing and filtering (0 when the server filtered)
     */
    record WireVariant(String label, String command, long replyBytes, long medianMicros, long clientMicros, int matched) {
    }

    /** The wire comparison: {@code items} items in the inventory, {@code rounds} measured rounds per variant. */
    record WireRun(int items, int rounds, List<WireVariant> variants, String engine) {
    }

    final ObjectProperty<String> sessionId = new SimpleObjectProperty<>();
    final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    final ObjectProperty<Changes> changes = new SimpleObjectProperty<>(Changes.NONE);
    final ObjectProperty<Query> query = new SimpleObjectProperty<>();
    final ObjectProperty<MemoryRun> memory = new SimpleObjectProperty<>();
    final ObjectProperty<WireRun> wire = new SimpleObjectProperty<>();
    final ObjectProperty<Limits> limits = new SimpleObjectProperty<>();
    /** What the last action did (one line). */
    final StringProperty status = new SimpleStringProperty("");
    /** Why the last action was refused, the server's or the app's words ("" when it was not). */
    final StringProperty problem = new SimpleStringProperty("");

    /** FX thread: takes a new reading; marks what changed when it differs from the one before. */
    void accept(Snapshot s) {
        Snapshot old = snapshot.get();
        if (Objects.equals(old, s)) return;
        if (old != null && old.sessionId().equals(s.sessionId())) {
            Changes c = diff(old, s);
            if (!c.fields().isEmpty() || !c.pointers().isEmpty()) changes.set(c);
        } else {
            changes.set(Changes.NONE);
        }
        snapshot.set(s);
    }

    void forget() {
        sessionId.set(null);
        snapshot.set(null);
        changes.set(Changes.NONE);
        query.set(null);
        // measurements of a server that is gone (or whose data was reset) no longer describe the one here
        memory.set(null);
        wire.set(null);
    }

    /** The hash fields and JSON pointers whose value is new or different in {@code after}. */
    static Changes diff(Snapshot before, Snapshot after) {
        Set<String> fields = new LinkedHashSet<>();
        after.hash().fields().forEach((f, v) -> {
            if (!v.equals(before.hash().fields().get(f))) fields.add(f);
        });
        Set<String> pointers = new LinkedHashSet<>();
        if (after.json().doc() != null) changedPointers(before.json().doc(), after.json().doc(), "", pointers);
        return new Changes(Set.copyOf(fields), Set.copyOf(pointers));
    }

    private static void changedPointers(JsonNode before, JsonNode after, String at, Set<String> out) {
        if (before == null || before.getNodeType() != after.getNodeType() && !(before.isNumber() && after.isNumber())) {
            out.add(at);
            addAll(after, at, out);
            return;
        }
        if (after.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                changedPointers(before.get(e.getKey()), e.getValue(), at + "/" + JsonValues.escape(e.getKey()), out);
            }
        } else if (after.isArray()) {
            for (int i = 0; i < after.size(); i++) changedPointers(before.get(i), after.get(i), at + "/" + i, out);
        } else if (!JsonValues.same(before, after)) {
            out.add(at);
        }
    }

    private static void addAll(JsonNode n, String at, Set<String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = at + "/" + JsonValues.escape(e.getKey());
                out.add(p);
                addAll(e.getValue(), p, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(at + "/" + i);
                addAll(n.get(i), at + "/" + i, out);
            }
        }
    }
}
