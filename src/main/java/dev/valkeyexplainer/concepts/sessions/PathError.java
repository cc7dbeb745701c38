package dev.valkeyexplainer.concepts.sessions;

/**
 * valkey-json's path and value errors with the messages the module replies with
 * ({@code jsonutil_code_to_message} in {@code src/json/util.cc}). {@link #syntax} marks the errors that
 * end a whole search ({@code Selector::isSyntaxError}); the others only end one branch of it, so a
 * JSONPath that meets one still answers with what the other branches matched.
 */
enum PathError {
    PARSE("SYNTAXERR Failed to parse JSON string due to syntax error", false),
    PATH("SYNTAXERR Invalid JSON path", true),
    MEMBER("SYNTAXERR Invalid object member name", true),
    NUMBER("SYNTAXERR Invalid number", true),
    IDENT("SYNTAXERR Invalid identifier", true),
    DOTS("SYNTAXERR Invalid dot sequence", false),
    EMPTY("SYNTAXERR Expression token cannot be empty", true),
    INDEX_NAN("SYNTAXERR Array index is not a number", true),
    STEP0("SYNTAXERR Step in the slice cannot be zero", true),
    WILDCARD("ERR Invalid use of wildcard", false),
    NOPATH("NONEXISTENT JSON path does not exist", false),
    NOTOBJ("WRONGTYPE JSON element is not an object", false),
    NOTARR("WRONGTYPE JSON element is not an array", false),
    BOUNDS("OUTOFBOUNDARIES Array index is out of bounds", false),
    NESTING("LIMIT Document path nesting limit is exceeded", false),
    RECURSION("LIMIT Parser recursion depth is exceeded", true),
    RDTOKENS("LIMIT Total number of recursive descent tokens in the query string exceeds the limit", true),
    QUERY("LIMIT Query string size limit is exceeded", true),
    DOLLAR("SYNTAXERR Dollar sign cannot apply to non-root element", false);

    final String message;
    final boolean syntax;

    PathError(String message, boolean syntax) {
        this.message = message;
        this.syntax = syntax;
    }

    static boolean isSyntax(PathError e) {
        return e != null && e.syntax;
    }
}
