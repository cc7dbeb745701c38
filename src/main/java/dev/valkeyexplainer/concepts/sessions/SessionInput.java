package dev.valkeyexplainer.concepts.sessions;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the tab checks before it sends anything, each with the message the user sees (null: fine).
 * The server checks the rest itself (invalid JSON, a path's syntax) and its message is shown as it is.
 */
final class SessionInput {

    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    /** A path longer than this is refused by the app (valkey-json's own bound is 128 KiB). */
    static final int MAX_PATH_CHARS = 512;

    private SessionInput() {
    }

    static String fieldProblem(String field) {
        if (field == null || field.isBlank()) return "Name a field, e.g. guild or level.";
        if (field.length() > 64) return "A field name of more than 64 characters is not what a session needs.";
        return null;
    }

    /** The JSONPath of a top-level field: {@code $.level}, or {@code $["last seen"]} for other names. */
    static String pathOf(String field) {
        if (SIMPLE_NAME.matcher(field).matches()) return "$." + field;
        return "$[\"" + field.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** A number to add: a JSON number (what JSON.NUMINCRBY and Glide's {@code Number} take). */
    static String numberProblem(String by) {
        String b = by == null ? "" : by.strip();
        if (b.isEmpty()) return "Type the number to add, e.g. 1 or -5 or 0.5.";
        if (!JsonValues.isJsonNumber(b)) {
            return String.format(Locale.ROOT, "'%s' is not a number. Glide's Json.numincrby takes a Number and hincrBy a long,"
                    + " so nothing was sent.", b);
        }
        if (!INTEGER.matcher(b).matches() && b.matches("-?[0-9]+")) return "That integer is too large for HINCRBY (64 bits).";
        // a JSON number such as 1e400 is no double: HINCRBYFLOAT answers "NaN or Infinity", JSON.NUMINCRBY refuses too
        if (!INTEGER.matcher(b).matches() && Double.isInfinite(Double.parseDouble(b))) {
            return String.format(Locale.ROOT, "'%s' is beyond what a double holds (about 1.8e308): HINCRBYFLOAT and"
                    + " JSON.NUMINCRBY add finite numbers only, so nothing was sent.", b);
        }
        return null;
    }

    /** Long for a whole number (HINCRBY), BigDecimal otherwise (HINCRBYFLOAT); its text is what is sent. */
    static Number number(String by) {
        String b = by.strip();
        if (INTEGER.matcher(b).matches()) return Long.parseLong(b);
        return new BigDecimal(b);
    }

    static String itemProblem(PlayerSession.Item item) {
        if (item.name() == null || item.name().isBlank()) return "Name the item, e.g. Phoenix Feather.";
        if (item.name().length() > 64) return "An item name of at most 64 characters, please.";
        if (item.qty() < 1 || item.qty() > 999) return "The quantity is a whole number from 1 to 999.";
        if (!PlayerSession.RARITIES.contains(item.rarity())) return "Rarity is one of " + PlayerSession.RARITIES + ".";
        return null;
    }

    /** A quantity typed in the form: the number, or -1 when it is not a whole number. */
    static int quantity(String text) {
        String t = text == null ? "" : text.strip();
        return t.matches("[0-9]{1,4}") ? Integer.parseInt(t) : -1;
    }

    /**
     * A whole document to store. The app's bound: {@link LuaJsonEngine#MAX_DOCUMENT_BYTES} bytes (a session
     * is read on every request, so a large one costs on each), and a JSON object. Whether it is valid JSON,
     * the server says.
     */
    static String documentProblem(String text) {
        if (text == null || text.isBlank()) return "The document is empty.";
        int bytes = JsonValues.utf8Length(text);
        if (bytes > LuaJsonEngine.MAX_DOCUMENT_BYTES) {
            return String.format(Locale.ROOT, "The document is %,d bytes; this tab stores a session of at most %,d bytes (64 KiB),"
                    + " because a session is read on every request. Nothing was sent.", bytes, LuaJsonEngine.MAX_DOCUMENT_BYTES);
        }
        var doc = JsonValues.parse(text);
        if (doc.isPresent() && !doc.get().isObject()) {
            return "A session is a JSON object {…} (a Hash holds field → value pairs, so it could not store this). Nothing was sent.";
        }
        return null;
    }

    static String pathProblem(String path) {
        if (path == null || path.isBlank()) return "Type a path: $.email, .email, $..name, $.inventory[?(@.qty>1)].name …";
        if (path.length() > MAX_PATH_CHARS) return "A path of at most " + MAX_PATH_CHARS + " characters, please.";
        return null;
    }
}
