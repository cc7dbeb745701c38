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

    static final int MAX_RECURSION = 200;
    static final int MAX_RECURSIVE_DESCENTS = 20;
    static final int MAX_QUERY_CHARS = 128 * 1024;

    final JsonNode root;
    final PathLexer lex;
    JsonNode node;
    String nodePath = "";
    boolean v2;
    private List<PathSelection.Match> results = new ArrayList<>();
    private int recursion;
    private final PathFilter filter;
    private final PathIndexes indexes;

    private PathSelector(JsonNode root, String path) {
        this.root = root;
        this.node = root;
        this.lex = new PathLexer(path);
        this.filter = new PathFilter(this);
        this.indexes = new PathIndexes(this);
    }

    /** Runs {@code path} on {@code root} as JSON.GET would. */
    static PathSelection select(JsonNode root, String path) {
        PathSelector s = new PathSelector(root, path);
        if (path.length() > MAX_QUERY_CHARS) return new PathSelection(List.of(), PathError.QUERY, false);
        s.lex.next();
        PathError e = s.eval();
        return new PathSelection(List.copyOf(s.results), e, s.v2);
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

    /** {@code [?( … )]}: the current token is {@code ?}. */
    PathError filterExpression() {
        return filter.filter();
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
            if (rc == null && node != null) results.add(new PathSelection.Match(nodePath, node));
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
        List<PathSelection.Match> out = new ArrayList<>();
        for (PathSelection.Match m : results) if (seen.add(m.pointer())) out.add(m);
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
        else rc = indexes.parseIndexExpr();
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
}
