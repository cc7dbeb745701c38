package dev.valkeyexplainer.concepts.sessions;

import java.util.ArrayList;
import java.util.List;

/**
 * The bracket expressions of valkey-json's paths that address array elements ({@code src/json/selector.cc}):
 * an index {@code [1]} or {@code [-1]}, a union {@code [0,2]}, a slice {@code [start:end:step]} (bounds
 * clamped to the array, a negative step walks backwards, a step of 0 is a syntax error), and the
 * filter {@code [?( … )]} handed to {@link PathFilter}. Each element selected continues the path.
 */
final class PathIndexes {

    private final PathSelector sel;

    PathIndexes(PathSelector sel) {
        this.sel = sel;
    }

    private PathError traverseToArrayIndex(long idx) {
        if (!sel.node.isArray()) {
            sel.node = null;
            return null;
        }
        if (idx < 0) idx += sel.node.size();
        if (idx >= sel.node.size() || idx < 0) return PathError.BOUNDS;
        sel.nodePath = sel.nodePath + "/" + idx;
        sel.node = sel.node.get((int) idx);
        return null;
    }

    PathError parseIndexExpr() {
        switch (sel.lex.tok) {
            case "E":
                return PathError.EMPTY;
            case "?":
                return sel.filterExpression();
            case ":": {
                if (!sel.node.isArray()) return PathError.NOTARR;
                sel.lex.next(true);
                int size = sel.node.size();
                if (sel.lex.tok.equals("]")) return processSlice(0, size, 1);
                if (sel.lex.tok.equals(":")) {
                    sel.lex.next(true);
                    return parseStep(0, size);
                }
                return parseEndAndStep(0);
            }
            case ",":
                return PathError.PATH;
            default:
                break;
        }
        Long start = sel.lex.scanInteger();
        if (start == null) return PathError.INDEX_NAN;
        sel.lex.skipSpaces();
        if (sel.lex.tok.equals(":")) {
            if (!sel.node.isArray()) return PathError.NOTARR;
            sel.lex.next(true);
            sel.lex.skipSpaces();
            int size = sel.node.size();
            if (sel.lex.tok.equals("]")) return processSlice(start, size, 1);
            if (sel.lex.tok.equals(":")) {
                sel.lex.next();
                return parseStep(start, size);
            }
            return parseEndAndStep(start);
        }
        if (sel.lex.tok.equals(",")) return parseUnionOfIndexes(start);
        if (!sel.lex.match("]", true)) return PathError.PATH;
        if (!sel.node.isArray()) return PathError.NOTARR;
        return traverseToArrayIndex(start);
    }

    private PathError parseEndAndStep(long start) {
        Long end = sel.lex.scanInteger();
        if (end == null) return PathError.INDEX_NAN;
        sel.lex.skipSpaces();
        if (sel.lex.tok.equals(":")) {
            sel.lex.next();
            return parseStep(start, end);
        }
        return processSlice(start, end, 1);
    }

    private PathError parseStep(long start, long end) {
        sel.lex.skipSpaces();
        if (sel.lex.tok.equals("]")) return processSlice(start, end, 1);
        Long step = sel.lex.scanInteger();
        if (step == null) return PathError.INDEX_NAN;
        return processSlice(start, end, step);
    }

    private PathError processSlice(long start, long end, long step) {
        if (!sel.node.isArray()) return PathError.NOTARR;
        if (!sel.lex.match("]", true)) return PathError.PATH;
        int size = sel.node.size();
        if (start < 0) start += size;
        if (end < 0) end += size;
        if (step == 0) return PathError.STEP0;
        start = Math.max(0, Math.min(start, size));
        end = Math.max(0, Math.min(end, size));
        for (long i = start; step > 0 ? i < end : i > end; i += step) {
            PathError rc = sel.evalArrayMember(i);
            if (PathError.isSyntax(rc)) return rc;
        }
        sel.node = null;
        return null;
    }

    private PathError parseUnionOfIndexes(long start) {
        if (!sel.node.isArray()) return PathError.NOTARR;
        List<Long> idx = new ArrayList<>(List.of(start));
        boolean comma = false;
        sel.lex.skipSpaces();
        while (!sel.lex.tok.equals("]")) {
            if (sel.lex.tok.equals(",")) {
                if (comma) return PathError.PATH;
                comma = true;
                sel.lex.next(true);
            } else {
                if (!comma) return PathError.PATH;
                comma = false;
                sel.lex.skipSpaces();
                Long i = sel.lex.scanInteger();
                if (i == null) return PathError.INDEX_NAN;
                idx.add(i);
            }
            sel.lex.skipSpaces();
        }
        if (comma) return PathError.PATH;
        if (!sel.lex.match("]", true)) return PathError.PATH;
        int size = sel.node.size();
        for (long i : idx) {
            if (i < 0) i += size;
            if (i >= 0 && i <= size - 1) {
                PathError rc = sel.evalArrayMember(i);
                if (rc != null) return rc;
            }
        }
        sel.node = null;
        return null;
    }
}
