package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filter expressions of valkey-json's paths ({@code [?( … )]}), ported from {@code parseFilterExpr},
 * {@code parseTerm}, {@code parseFactor} and their helpers in {@code src/json/selector.cc}: {@code ||}
 * of {@code &&} of comparisons ({@code @.qty > 1}, {@code "rare" == @.rarity}, {@code @ > 2}),
 * existence tests ({@code @.isbn}), parentheses, and comparisons with another path of the document
 * ({@code @.price < $.limit}). A filter yields the indexes of the array elements that pass; the
 * selector then continues the path from each of them.
 */
final class PathFilter {

    private static final Set<String> OPS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Map<String, String> SWAP = Map.of("==", "==", "!=", "!=", ">", "<", "<", ">", ">=", "<=", "<=", ">=");

    /** A value parsed from the path, or the error that stopped the parse. */
    record Got<T>(T value, PathError error) {
        static <T> Got<T> ok(T v) {
            return new Got<>(v, null);
        }

        static <T> Got<T> fail(PathError e) {
            return new Got<>(null, e);
        }
    }

    private final PathSelector sel;
    private final PathLexer lex;

    PathFilter(PathSelector sel) {
        this.sel = sel;
        this.lex = sel.lex;
    }

    /** {@code [?( … )]} after an index bracket was opened (the current token is {@code ?}). */
    PathError filter() {
        lex.next();
        if (!lex.match("(")) return PathError.PATH;
        List<Integer> result = new ArrayList<>();
        PathError rc = filterExpr(result);
        if (rc != null) return rc;
        if (!lex.match(")")) return PathError.PATH;
        if (!lex.match("]", true)) return PathError.PATH;
        return processResult(result);
    }

    /** {@code *[?( … )]} or {@code *.[?( … )]}: a filter over the node itself, which must be an array. */
    PathError wildcardFilter() {
        if (!sel.node.isArray()) return PathError.PATH;
        if (!lex.match("[")) return PathError.PATH;
        if (!lex.match("?")) return PathError.PATH;
        if (!lex.match("(", true)) return PathError.PATH;
        List<Integer> result = new ArrayList<>();
        PathError rc = filterExpr(result);
        if (rc != null) return rc;
        if (!lex.match(")", true)) return PathError.PATH;
        if (!lex.match("]")) return PathError.PATH;
        return processResult(result);
    }

    /** {@code [*][?( … )]}: the current token is the second {@code [}. */
    PathError bracketFilterAfterWildcard() {
        if (!lex.match("[", true)) return PathError.PATH;
        lex.skipSpaces();
        if (!lex.match("?")) return PathError.PATH;
        if (!lex.match("(")) return PathError.PATH;
        List<Integer> result = new ArrayList<>();
        PathError rc = filterExpr(result);
        if (rc != null) return rc;
        if (!lex.match(")", true)) return PathError.PATH;
        if (!lex.match("]", true)) return PathError.PATH;
        return processResult(result);
    }

    /** A quoted member name: {@code "…"} read as JSON, {@code '…'} with valkey-json's own unescaping. */
    Object quotedMemberName() {
        if (lex.tok.equals("\"")) {
            Got<JsonNode> v = doubleQuoted();
            if (v.error() != null) return v.error();
            if (!v.value().isTextual()) return PathError.PARSE;
            return v.value().textValue();
        }
        if (lex.tok.equals("'")) return lex.scanSingleQuoted();
        return PathError.PATH;
    }

    private Got<JsonNode> doubleQuoted() {
        String text = lex.scanDoubleQuotedText();
        JsonNode v = JsonValues.parse(text).orElse(null);
        if (v == null) return Got.fail(PathError.PARSE);
        lex.next();
        return Got.ok(v);
    }

    private PathError processResult(List<Integer> result) {
        JsonNode node = sel.node;
        if (node.isArray()) {
            for (int idx : result) {
                PathError rc = sel.evalArrayMember(idx);
                if (PathError.isSyntax(rc)) return rc;
            }
            sel.node = null;
            return null;
        }
        if (node.isObject()) {
            if (result.isEmpty()) sel.node = null; // an object passes or not as a whole
            return null;
        }
        if (!result.isEmpty()) {
            PathError rc = sel.evalMember(node);
            if (PathError.isSyntax(rc)) return rc;
        }
        sel.node = null;
        return null;
    }

    private PathError filterExpr(List<Integer> result) {
        try {
            if (sel.deeper()) return PathError.RECURSION;
            lex.skipSpaces();
            PathError rc = term(result);
            if (rc != null) return rc;
            Set<Integer> seen = null;
            while (lex.match("||", true)) {
                List<Integer> v = new ArrayList<>();
                rc = term(v);
                if (rc != null) return rc;
                if (seen == null) seen = new HashSet<>(result);
                for (int e : v) if (seen.add(e)) result.add(e);
            }
            lex.skipSpaces();
            return null;
        } finally {
            sel.back();
        }
    }

    private PathError term(List<Integer> result) {
        PathError rc = factor(result);
        if (rc != null) return rc;
        while (lex.match("&&", true)) {
            List<Integer> v1 = new ArrayList<>(result);
            result.clear();
            List<Integer> v2 = new ArrayList<>();
            rc = factor(v2);
            if (rc != null) return rc;
            Set<Integer> keep = new LinkedHashSet<>(v2);
            for (int e : v1) if (keep.contains(e)) result.add(e);
        }
        return null;
    }

    private PathError factor(List<Integer> result) {
        try {
            if (sel.deeper()) return PathError.RECURSION;
            return factorBody(result);
        } finally {
            sel.back();
        }
    }

    private PathError factorBody(List<Integer> result) {
        lex.skipSpaces();
        if (lex.tok.equals("(")) {
            lex.next(true);
            PathError rc = filterExpr(result);
            if (rc != null) return rc;
            return lex.match(")", true) ? null : PathError.PATH;
        }
        if (lex.match("@")) {
            if (!lex.tok.equals(".") && !lex.tok.equals("[")) { // @ > 2: the element itself
                Got<String> op = comparisonOp();
                if (op.error() != null) return op.error();
                Got<JsonNode> v = comparisonValue();
                if (v.error() != null) return v.error();
                return compare(true, "", op.value(), v.value(), result);
            }
            Got<String> name = memberName();
            if (name.error() != null) return name.error();
            lex.skipSpaces();
            if (OPS.contains(lex.tok)) {
                Got<String> op = comparisonOp();
                if (op.error() != null) return op.error();
                Got<JsonNode> v = comparisonValue();
                if (v.error() != null) return v.error();
                return compare(false, name.value(), op.value(), v.value(), result);
            }
            if (lex.tok.equals("[")) return memberBracket(name.value(), result);
            return exists(name.value(), result);
        }
        Got<JsonNode> v = comparisonValue(); // 3 < @.qty: the value first, the operator turned round
        if (v.error() != null) return v.error();
        lex.skipSpaces();
        Got<String> op = comparisonOp();
        if (op.error() != null) return op.error();
        String swapped = SWAP.get(op.value());
        if (!lex.match("@")) return PathError.PATH;
        lex.skipSpaces();
        if (lex.tok.equals(")") || lex.tok.equals("&&") || lex.tok.equals("||")) {
            return compare(true, "", swapped, v.value(), result);
        }
        Got<String> name = memberName();
        if (name.error() != null) return name.error();
        if (lex.tok.equals("[")) {
            lex.next(true);
            Long index = lex.scanInteger();
            if (index == null) return PathError.INDEX_NAN;
            if (!lex.match("]")) return PathError.PATH;
            return compareAtIndex(index, name.value(), swapped, v.value(), result);
        }
        return compare(false, name.value(), swapped, v.value(), result);
    }

    /** {@code @.tags[?(@ == "x")]} (any element matches) or {@code @.scores[0] > 5} (one element). */
    private PathError memberBracket(String name, List<Integer> result) {
        lex.next(true);
        if (lex.tok.equals("?")) {
            lex.next(true);
            if (!lex.match("(")) return PathError.PATH;
            Got<String> op;
            Got<JsonNode> v;
            if (lex.tok.equals("@")) {
                lex.next(true);
                op = comparisonOp();
                if (op.error() != null) return op.error();
                v = comparisonValue();
                if (v.error() != null) return v.error();
            } else {
                v = comparisonValue();
                if (v.error() != null) return v.error();
                op = comparisonOp();
                if (op.error() != null) return op.error();
                op = Got.ok(SWAP.get(op.value()));
                if (!lex.match("@")) return PathError.PATH;
            }
            JsonNode node = sel.node;
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    JsonNode x = node.get(i).isObject() ? node.get(i).get(name) : null;
                    if (x == null || !x.isArray()) continue;
                    for (JsonNode y : x) {
                        if (JsonValues.compare(y, op.value(), v.value())) {
                            result.add(i);
                            break;
                        }
                    }
                }
            }
            if (!lex.match(")", true)) return PathError.PATH;
            return lex.match("]") ? null : PathError.PATH;
        }
        Long index = lex.scanInteger();
        if (index == null) return PathError.INDEX_NAN;
        if (!lex.match("]")) return PathError.PATH;
        Got<String> op = comparisonOp();
        if (op.error() != null) return op.error();
        Got<JsonNode> v = comparisonValue();
        if (v.error() != null) return v.error();
        return compareAtIndex(index, name, op.value(), v.value(), result);
    }

    private PathError compare(boolean self, String name, String op, JsonNode v, List<Integer> result) {
        JsonNode node = sel.node;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode m = node.get(i);
                JsonNode x = self ? m : (m.isObject() ? m.get(name) : null);
                if (x != null && JsonValues.compare(x, op, v)) result.add(i);
            }
        } else if (node.isObject()) {
            JsonNode x = node.get(name);
            if (x != null && JsonValues.compare(x, op, v)) result.add(0);
        } else if (self && JsonValues.compare(node, op, v)) {
            result.add(0);
        }
        return null;
    }

    private PathError compareAtIndex(long idx, String name, String op, JsonNode v, List<Integer> result) {
        JsonNode node = sel.node;
        if (!node.isArray()) return null;
        for (int i = 0; i < node.size(); i++) {
            JsonNode x = node.get(i).isObject() ? node.get(i).get(name) : null;
            if (x == null || !x.isArray()) continue;
            long j = idx < 0 ? idx + x.size() : idx;
            if (j >= 0 && j < x.size() && JsonValues.compare(x.get((int) j), op, v)) result.add(i);
        }
        return null;
    }

    private PathError exists(String name, List<Integer> result) {
        JsonNode node = sel.node;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) if (node.get(i).isObject() && node.get(i).has(name)) result.add(i);
        } else if (node.isObject()) {
            if (node.has(name)) result.add(0);
        } else {
            return PathError.PATH;
        }
        return null;
    }

    private Got<String> memberName() {
        if (lex.match(".")) {
            if (lex.match("[")) return bracketedMemberName();
            String n = lex.scanUnquotedMemberName();
            return n == null ? Got.fail(PathError.MEMBER) : Got.ok(n);
        }
        if (lex.match("[")) return bracketedMemberName();
        return Got.fail(PathError.PATH);
    }

    private Got<String> bracketedMemberName() {
        lex.skipSpaces();
        Object n = quotedMemberName();
        if (n instanceof PathError e) return Got.fail(e);
        if (!lex.match("]", true)) return Got.fail(PathError.PATH);
        return Got.ok((String) n);
    }

    private Got<String> comparisonOp() {
        lex.skipSpaces();
        String t = lex.tok;
        if (!OPS.contains(t)) return Got.fail(PathError.PATH);
        lex.skipSpaces();
        lex.next(true);
        return Got.ok(t);
    }

    /** null, true, false, a number, a quoted string, or {@code $…} (one scalar of the document). */
    private Got<JsonNode> comparisonValue() {
        String t = lex.tok;
        if (t.equals("$")) {
            String path = lex.scanPathValue();
            if (path == null) return Got.fail(PathError.PATH);
            PathSelection s = PathSelector.select(sel.root, path);
            if (s.error() != null) return Got.fail(s.error());
            if (s.matches().size() != 1 || s.matches().get(0).node().isContainerNode()) return Got.fail(PathError.PATH);
            return Got.ok(s.matches().get(0).node());
        }
        if (t.equals("\"")) return doubleQuoted();
        String text;
        if (t.equals("'")) {
            String body = lex.singleQuotedBody()[0];
            StringBuilder out = new StringBuilder("\"");
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '"') out.append("\\\"");
                else if (c != '\\' || i + 1 >= body.length() || body.charAt(i + 1) != '\'') out.append(c);
            }
            text = out.append('"').toString();
            lex.next();
        } else if (t.equals("E")) {
            return Got.fail(PathError.PARSE); // valkey-json parses an empty number, and fails
        } else {
            char first = lex.s.charAt(lex.ts);
            if (t.equals("A") && (first == 'n' || first == 't' || first == 'f')) {
                text = lex.scanIdentifier();
                if (first == 'n' ? !text.equals("null") : !text.equals("true") && !text.equals("false")) {
                    return Got.fail(PathError.IDENT);
                }
            } else {
                text = lex.scanNumberText();
                if (text == null) return Got.fail(PathError.NUMBER);
            }
        }
        JsonNode v = JsonValues.parse(text).orElse(null);
        return v == null ? Got.fail(PathError.PARSE) : Got.ok(v);
    }
}
