package dev.valkeyexplainer.concepts.sessions;

/**
 * The tokenizer of valkey-json's path syntax, ported from {@code Lexer} in {@code src/json/selector.cc}
 * (valkey-io/valkey-json) so that the app reads a path exactly as the module (and the Lua stand-in,
 * which ports the same code) does. It works on the path's characters one token at a time: {@link #p}
 * is the position after the current token, {@link #tok} its type, {@link #ts} where it starts.
 *
 * <p>Token types are short strings: the token's own text for punctuation and operators
 * ({@code "$" "." ".." "[" "==" …}), {@code "D"} for a digit, {@code "A"} for a letter, {@code "S"} for
 * any other character, {@code " "} for a space and {@code "E"} for the end.
 */
final class PathLexer {

    private static final String SINGLE = "$*:,?@[]()'\"+-/% ";
    private static final String MEMBER_TERMINATORS = ".[]()<>=!'\" |&";
    private static final String NUMBER_CHARS = "+-0123456789.Ee";

    final String s;
    int p;
    String tok = "E";
    int ts;
    /** How many {@code ..} tokens were read (valkey-json limits them, json.max-recursive-descent-tokens). */
    int recursiveDescents;

    PathLexer(String path) {
        this.s = path;
    }

    char at(int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /** The type of the token that starts at {@link #p}, without reading it. */
    String peek() {
        if (p >= s.length()) return "E";
        char c = s.charAt(p);
        char d = at(p + 1);
        switch (c) {
            case '.': return d == '.' ? ".." : ".";
            case '&': return d == '&' ? "&&" : "S";
            case '|': return d == '|' ? "||" : "S";
            case '=': return d == '=' ? "==" : "=";
            case '!': return d == '=' ? "!=" : "!";
            case '>': return d == '=' ? ">=" : ">";
            case '<': return d == '=' ? "<=" : "<";
            default:
                if (SINGLE.indexOf(c) >= 0) return String.valueOf(c);
                if (c >= '0' && c <= '9') return "D";
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return "A";
                return "S";
        }
    }

    String next() {
        return next(false);
    }

    /** Reads the next token; with {@code skipSpace}, spaces before it are skipped. */
    String next(boolean skipSpace) {
        String t = peek();
        tok = t;
        ts = p;
        if (t.equals("E")) return t;
        if (t.equals(" ") && skipSpace) {
            while (at(p) == ' ') p++;
            return next(false);
        }
        if (t.equals("..")) recursiveDescents++;
        p += t.length() == 2 ? 2 : 1;
        return t;
    }

    /** If the current token is {@code t}, reads the next one and answers true. */
    boolean match(String t, boolean skipSpace) {
        if (skipSpace && tok.equals(" ")) {
            while (at(p) == ' ') p++;
            next(false);
            return match(t, false);
        }
        if (tok.equals(t)) {
            next(skipSpace);
            return true;
        }
        return false;
    }

    boolean match(String t) {
        return match(t, false);
    }

    void skipSpaces() {
        if (tok.equals(" ")) next(true);
        else while (at(p) == ' ') p++;
    }

    /** An integer with an optional sign ({@code [0-9]+-}); null when the token is not one. */
    Long scanInteger() {
        if (!tok.equals("D") && !tok.equals("+") && !tok.equals("-")) return null;
        long v;
        if (tok.equals("D")) {
            v = scanUnsigned();
        } else {
            long sign = tok.equals("+") ? 1 : -1;
            next();
            if (!tok.equals("D")) return null;
            v = sign * scanUnsigned();
        }
        next();
        return v;
    }

    private long scanUnsigned() {
        long v = s.charAt(ts) - '0';
        while (p < s.length() && Character.isDigit(s.charAt(p)) && s.charAt(p) < 128) {
            v = v * 10 + (s.charAt(p) - '0');
            p++;
        }
        return v;
    }

    /** A member name without quotes: everything up to a terminator; null when it starts with one. */
    String scanUnquotedMemberName() {
        if (tok.equals("E") || MEMBER_TERMINATORS.indexOf(s.charAt(ts)) >= 0) return null;
        int e = p;
        while (e < s.length() && MEMBER_TERMINATORS.indexOf(s.charAt(e)) < 0) e++;
        String name = s.substring(ts, e);
        p = e;
        next();
        return name;
    }

    /** The text of a {@code "…"} string at the current token, quotes included (parsed as JSON by the caller). */
    String scanDoubleQuotedText() {
        int i = p;
        char prev = '\0';
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' && prev != '\\') {
                i++;
                break;
            }
            prev = c;
            i++;
        }
        String text = s.substring(ts, i);
        p = i;
        return text;
    }

    /** The body of a {@code '…'} string (after the current quote token), and whether it has a backslash. */
    String[] singleQuotedBody() {
        int i = p;
        int start = i;
        char prev = '\0';
        boolean escaped = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') escaped = true;
            if (c == '\'' && prev != '\\') break;
            prev = c;
            i++;
        }
        String body = s.substring(start, i);
        p = Math.min(i + 1, s.length());
        return new String[]{body, escaped ? "1" : ""};
    }

    /** A single-quoted member name, with {@code \\ \t \b \f \n \r \'} unescaped as valkey-json does. */
    String scanSingleQuoted() {
        String[] b = singleQuotedBody();
        next();
        if (b[1].isEmpty()) return b[0];
        StringBuilder out = new StringBuilder();
        String in = b[0];
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            int k = i + 1 < in.length() ? "\\tbfnr'".indexOf(in.charAt(i + 1)) : -1;
            if (c == '\\' && k >= 0) {
                out.append("\\\t\b\f\n\r'".charAt(k));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The characters of a number in a filter ({@code [-+0-9.Ee]+}); null when it does not start like one. */
    String scanNumberText() {
        if (!NUMBER_CHARS.contains(String.valueOf(s.charAt(ts)))) return null;
        int e = p;
        while (e < s.length() && NUMBER_CHARS.indexOf(s.charAt(e)) >= 0) e++;
        String text = s.substring(ts, e);
        p = e;
        next();
        return text;
    }

    /** Letters and digits from the current token on (null, true, false in a filter). */
    String scanIdentifier() {
        int e = p;
        while (e < s.length() && isAsciiAlnum(s.charAt(e))) e++;
        String text = s.substring(ts, e);
        p = e;
        next();
        return text;
    }

    /** A {@code $…} path inside a filter, up to the comparison's end; null when a bracket holds something else. */
    String scanPathValue() {
        int i = p;
        boolean inBrackets = false;
        boolean inQuotes = false;
        char quote = '"';
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!inBrackets) {
                if (c == '[') {
                    inBrackets = true;
                    i++;
                } else if ("]()<>=!'\" |&".indexOf(c) >= 0) {
                    break;
                } else {
                    i++;
                }
            } else if (!inQuotes) {
                if (c == '"' || c == '\'') {
                    inQuotes = true;
                    quote = c;
                    i++;
                } else if ("-+0123456789".indexOf(c) >= 0) {
                    i++;
                } else if (c == ']') {
                    i++;
                    inBrackets = false;
                } else {
                    return null;
                }
            } else {
                if (c == '\\' && at(i + 1) == quote) i++;
                else if (c == quote) inQuotes = false;
                i++;
            }
        }
        String out = s.substring(ts, i);
        p = i;
        next();
        return out;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
