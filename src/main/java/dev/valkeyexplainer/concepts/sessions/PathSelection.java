package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a path selected in a document ({@link PathSelector#select}), in valkey-json's order, and how
 * JSON.GET answers with it: a JSONPath ({@code $…}) answers an array of every match, a restricted path
 * its first match or an error.
 *
 * @param jsonPath true when the path starts with {@code $} (JSONPath: the reply is an array of every match)
 * @param error    the error the selector ended with, or null
 */
record PathSelection(List<PathSelection.Match> matches, PathError error, boolean jsonPath) {

    /** One selected node and its JSON pointer ({@code ""} is the root). */
    record Match(String pointer, JsonNode node) {
    }

    /** The error JSON.GET replies with for this selection, or null when it replies with values. */
    PathError replyError() {
        if (error != null && (!jsonPath || error.syntax)) return error;
        if (!jsonPath && matches.isEmpty()) return PathError.NOPATH;
        return null;
    }

    /** True when {@code reply} (JSON.GET's reply to the same path on the same document) is made of these matches. */
    boolean agrees(String reply) {
        if (replyError() != null || reply == null) return false;
        JsonNode r = JsonValues.parse(reply).orElse(null);
        if (r == null) return false;
        if (!jsonPath) return JsonValues.same(r, matches.get(0).node());
        if (!r.isArray() || r.size() != matches.size()) return false;
        for (int i = 0; i < r.size(); i++) if (!JsonValues.same(r.get(i), matches.get(i).node())) return false;
        return true;
    }
}
