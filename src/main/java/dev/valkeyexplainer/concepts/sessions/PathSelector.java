package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which nodes of a document a path selects, and in which order: valkey-json's {@code Selector}
 * ({@code src/json/selector.cc}, read mode) ported to Jackson trees. The module parses the path while
 * it walks the document (each wildcard, slice or filter forks the walk, which then reads the rest of
 * the path again from where it forked), so the order of matches, and which errors stop a search, come
 * from the same code here, in the Lua stand-in ({@code vx_json.lua}) and in the module. The app uses it
 * to highlight the nodes a reply is made of; {@link Selection#agrees} checks them against the reply.
 *
 * <p>Grammar (from the module): {@code $} or {@code .} then members {@code .name} / {@code ['name']},
 * {@code *}, indexes {@code [0]} {@code [-1]}, unions {@code [0,2]}, slices {@code [start:end:step]},
 * recursive descent {@code ..}, filters {@code [?(@.qty>1 && @.rarity=="rare")]}.
 */
final class PathSelector {

    /** One selected node and its JSON pointer ({@code ""} is the root). */
    record Match(String pointer, JsonNode node) {
    }

    /**
     * What a path selected.
     *
     * @param jsonPath true when the path starts with {@code $} (JSONPath: the reply is an array of every match)
     * @param error    the error the selector ended with, or null
     */
    record Selection(List<Match> matches, PathError error, boolean jsonPath) {

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

    static final int MAX_RECURSION = 200;
    static final int MAX_RECURSIVE_DESCENTS = 20;
    static final int MAX_QUERY_CHARS = 128 * 1024;

    final JsonNode root;
    final PathLexer lex;
    JsonNode node;
    String nodePath = "";
    boolean v2;
    private List<Match> results = new ArrayList<>();
    private int recursion;
    private final PathFilter filter;

    private PathSelector(JsonNode root, String path) {
        this.root = root;
        this.node = root;
        this.lex = new PathLexer(path);
        this.filter = new PathFilter(this);
    }

    /** Runs {@code path} on {@code root} as JSON.GET would. */
    static Selection select(JsonNode root, String path) {
        PathSelector s = new PathSelector(root, path);
        if (path.length() > MAX_QUERY_CHARS) return new Selection(List.of(), PathError.QUERY, false);
        s.lex.next();
        PathError e = s.eval();
        return new Selection(List.copyOf(s.results), e, s.v2);
    }

    private record State(JsonNode node, String nodePath, int p, String tok, int ts) {
    }

    private State snapshot() {
        return new State(node, nodePath, lex.p, lex.tok, lex.ts);
    }

    private void restore(State st) {
        node = st.node;
        nodePath = st.nodePath;
        lex.p = st.p;
        lex.tok = st.tok;
        lex.ts = st.ts;
    }

    boolean deeper() {
        return ++recursion > MAX_RECURSION;
    }

    void back() {
        recursion--;
    }

    PathError eval() {
        try {
            if (deeper()) return PathError.RECURSION;
            PathError rc = parseSupportedPath();
            if (rc == null && node != null) results.add(new Match(nodePath, node));
            return rc;
        } finally {
            back();
        }
    }

    PathError evalMember(JsonNode m) {
        try {
            if (deeper()) return PathError.RECURSION;
            node = m;
            return eval();
        } finally {
            back();
        }
    }

    private PathError parseSupportedPath() {
        if (node == null || lex.match("E")) return null;
        if (lex.match("$")) {
            if (node != root) return PathError.DOLLAR;
            v2 = true;
        } else {
            lex.match(".");
        }
        return parseRelativePath();
    }

    private PathError parseRelativePath() {
        if (node == null || lex.match("E")) return null;
        switch (lex.tok) {
            case "..": {
                lex.match("..");
                if (lex.recursiveDescents > MAX_RECURSIVE_DESCENTS) return PathError.RDTOKENS;
                PathError rc = recursiveSearch(node);
                if (rc != null) return rc;
                dedupe();
                return null;
            }
            case ".":
                lex.match(".");
                return parseQualifiedPath();
            case "[": {
                PathError rc = parseBracketPathElement();
                if (rc != null) return rc;
                if (lex.tok.equals("E")) return null;
                return parseRelativePath();
            }
            default:
                return parseQualifiedPath();
        }
    }

    /** {@code ..}: at every object and array under (and including) the node, the rest of the path is run again. */
    private PathError recursiveSearch(JsonNode v) {
        if (lex.tok.equals("..") || lex.tok.equals(".")) return PathError.DOTS;
        if (!v.isContainerNode()) {
            node = null;
            return null;
        }
        State st = snapshot();
        node = v;
        PathError rc = eval();
        restore(st);
        if (PathError.isSyntax(rc)) return rc;
        if (v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                String saved = nodePath;
                nodePath = nodePath + "/" + JsonValues.escape(m.getKey());
                rc = recursiveSearch(m.getValue());
                if (PathError.isSyntax(rc)) return rc;
                nodePath = saved;
            }
        } else {
            for (int i = 0; i < v.size(); i++) {
                String saved = nodePath;
                nodePath = nodePath + "/" + i;
                rc = recursiveSearch(v.get(i));
                if (PathError.isSyntax(rc)) return rc;
                nodePath = saved;
            }
        }
        node = null;
        return null;
    }

    /** Drops repeated matches (by position: Jackson shares the nodes of small numbers, so not by identity). */
    private void dedupe() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Match> out = new ArrayList<>();
        for (Match m : results) if (seen.add(m.pointer())) out.add(m);
        results = out;
    }

    private PathError parseQualifiedPath() {
        PathError rc = lex.tok.equals("[") ? parseBracketPathElement() : parseKey();
        if (rc != null) return rc;
        return parseRelativePath();
    }

    private PathError parseKey() {
        if (lex.match("*")) {
            if (lex.tok.equals(".")) lex.next();
            if (lex.tok.equals("[") && lex.peek().equals("?")) return filter.wildcardFilter();
            return processWildcard();
        }
        String name = lex.scanUnquotedMemberName();
        if (name == null) return PathError.MEMBER;
        return traverseToObjectMember(name);
    }

    private PathError parseBracketPathElement() {
        if (!lex.match("[", true)) return PathError.PATH;
        PathError rc;
        if (lex.tok.equals("*")) rc = parseWildcardInBrackets();
        else if (lex.tok.equals("'") || lex.tok.equals("\"")) rc = parseNameInBrackets();
        else rc = parseIndexExpr();
        if (rc != null) return rc;
        lex.skipSpaces();
        return null;
    }

    private PathError parseWildcardInBrackets() {
        if (!lex.match("*", true)) return PathError.PATH;
        if (!lex.match("]", true)) return PathError.PATH;
        if (lex.tok.equals("[") && lex.peek().equals("?")) return filter.bracketFilterAfterWildcard();
        return processWildcard();
    }

    private PathError parseNameInBrackets() {
        List<String> names = new ArrayList<>();
        Object first = filter.quotedMemberName();
        if (first instanceof PathError e) return e;
        names.add((String) first);
        while (lex.match(",", true)) {
            lex.skipSpaces();
            Object n = filter.quotedMemberName();
            if (n instanceof PathError e) return e;
            names.add((String) n);
        }
        if (!lex.match("]", true)) return PathError.PATH;
        if (names.size() == 1) return traverseToObjectMember(names.get(0));
        if (!node.isObject()) {
            node = null;
            return null;
        }
        JsonNode obj = node;
        for (String n : names) {
            JsonNode child = obj.get(n);
            if (child != null) {
                PathError rc = evalObjectMember(n, child);
                if (PathError.isSyntax(rc)) return rc;
            }
        }
        node = null;
        return null;
    }

    PathError processWildcard() {
        if (node.isObject()) {
            JsonNode obj = node;
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                PathError rc = evalObjectMember(m.getKey(), m.getValue());
                if (PathError.isSyntax(rc)) return rc;
            }
            node = null;
            return null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                PathError rc = evalArrayMember(i);
                if (PathError.isSyntax(rc)) return rc;
            }
            node = null;
            return null;
        }
        return v2 ? PathError.WILDCARD : PathError.PATH;
    }

    PathError evalObjectMember(String name, JsonNode val) {
        if (!node.isObject()) return PathError.NOTOBJ;
        State st = snapshot();
        nodePath = nodePath + "/" + JsonValues.escape(name);
        PathError rc = evalMember(val);
        restore(st);
        return rc;
    }

    PathError evalArrayMember(long idx) {
        if (!node.isArray()) return PathError.NOTARR;
        if (idx < 0 || idx >= node.size()) return PathError.BOUNDS;
        State st = snapshot();
        nodePath = nodePath + "/" + idx;
        PathError rc = evalMember(node.get((int) idx));
        restore(st);
        return rc;
    }

    private PathError traverseToObjectMember(String name) {
        if (!node.isObject()) {
            node = null;
            return null;
        }
        JsonNode child = node.get(name);
        if (child == null) {
            node = null;
            return null;
        }
        nodePath = nodePath + "/" + JsonValues.escape(name);
        node = child;
        return null;
    }

    private PathError traverseToArrayIndex(long idx) {
        if (!node.isArray()) {
            node = null;
            return null;
        }
        if (idx < 0) idx += node.size();
        if (idx >= node.size() || idx < 0) return PathError.BOUNDS;
        nodePath = nodePath + "/" + idx;
        node = node.get((int) idx);
        return null;
    }

    private PathError parseIndexExpr() {
        switch (lex.tok) {
            case "E":
                return PathError.EMPTY;
            case "?":
                return filter.filter();
            case ":": {
                if (!node.isArray()) return PathError.NOTARR;
                lex.next(true);
                int size = node.size();
                if (lex.tok.equals("]")) return processSlice(0, size, 1);
                if (lex.tok.equals(":")) {
                    lex.next(true);
                    return parseStep(0, size);
                }
                return parseEndAndStep(0);
            }
            case ",":
                return PathError.PATH;
            default:
                break;
        }
        Long start = lex.scanInteger();
        if (start == null) return PathError.INDEX_NAN;
        lex.skipSpaces();
        if (lex.tok.equals(":")) {
            if (!node.isArray()) return PathError.NOTARR;
            lex.next(true);
            lex.skipSpaces();
            int size = node.size();
            if (lex.tok.equals("]")) return processSlice(start, size, 1);
            if (lex.tok.equals(":")) {
                lex.next();
                return parseStep(start, size);
            }
            return parseEndAndStep(start);
        }
        if (lex.tok.equals(",")) return parseUnionOfIndexes(start);
        if (!lex.match("]", true)) return PathError.PATH;
        if (!node.isArray()) return PathError.NOTARR;
        return traverseToArrayIndex(start);
    }

    private PathError parseEndAndStep(long start) {
        Long end = lex.scanInteger();
        if (end == null) return PathError.INDEX_NAN;
        lex.skipSpaces();
        if (lex.tok.equals(":")) {
            lex.next();
            return parseStep(start, end);
        }
        return processSlice(start, end, 1);
    }

    private PathError parseStep(long start, long end) {
        lex.skipSpaces();
        if (lex.tok.equals("]")) return processSlice(start, end, 1);
        Long step = lex.scanInteger();
        if (step == null) return PathError.INDEX_NAN;
        return processSlice(start, end, step);
    }

    private PathError processSlice(long start, long end, long step) {
        if (!node.isArray()) return PathError.NOTARR;
        if (!lex.match("]", true)) return PathError.PATH;
        int size = node.size();
        if (start < 0) start += size;
        if (end < 0) end += size;
        if (step == 0) return PathError.STEP0;
        start = Math.max(0, Math.min(start, size));
        end = Math.max(0, Math.min(end, size));
        for (long i = start; step > 0 ? i < end : i > end; i += step) {
            PathError rc = evalArrayMember(i);
            if (PathError.isSyntax(rc)) return rc;
        }
        node = null;
        return null;
    }

    private PathError parseUnionOfIndexes(long start) {
        if (!node.isArray()) return PathError.NOTARR;
        List<Long> idx = new ArrayList<>(List.of(start));
        boolean comma = false;
        lex.skipSpaces();
        while (!lex.tok.equals("]")) {
            if (lex.tok.equals(",")) {
                if (comma) return PathError.PATH;
                comma = true;
                lex.next(true);
            } else {
                if (!comma) return PathError.PATH;
                comma = false;
                lex.skipSpaces();
                Long i = lex.scanInteger();
                if (i == null) return PathError.INDEX_NAN;
                idx.add(i);
            }
            lex.skipSpaces();
        }
        if (comma) return PathError.PATH;
        if (!lex.match("]", true)) return PathError.PATH;
        int size = node.size();
        for (long i : idx) {
            if (i < 0) i += size;
            if (i >= 0 && i <= size - 1) {
                PathError rc = evalArrayMember(i);
                if (rc != null) return rc;
            }
        }
        node = null;
        return null;
    }
}
