package dev.valkeyexplainer.concept.widgets;

import java.util.Locale;
import java.util.OptionalInt;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/**
 * A whole number typed in a text field, read exactly as typed: never clamped to its bounds and never
 * replaced behind the user's back (an editable {@code Spinner} commits on focus loss, turning 5000
 * into 1000 and throwing on "abc"). Digits, thousands separators and a minus sign may be typed, up
 * to 12 characters; {@link #value()} is empty while the text is not a number from {@code min} to
 * {@code max}, and {@link #problem()} says why in one sentence.
 */
public final class WholeNumberInput {

    private final TextField field;
    private final int min;
    private final int max;
    private final String name;
    private final String meaning;

    /**
     * @param name    how the sentence names the number, e.g. "Items" or "k"
     * @param meaning what it counts, for the sentence, e.g. "the nearest cached questions compared"
     */
    public WholeNumberInput(TextField field, int min, int max, int initial, String name, String meaning) {
        this.field = field;
        this.min = min;
        this.max = max;
        this.name = name;
        this.meaning = meaning;
        field.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("[-0-9,_ ]{0,12}") ? c : null));
        set(initial);
    }

    public TextField field() {
        return field;
    }

    /** The number typed, or empty when it is not a whole number from min to max. */
    public OptionalInt value() {
        Integer n = parse(field.getText(), min, max);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** What is wrong with the text typed, or null when {@link #value()} has a number. */
    public String problem() {
        return value().isPresent() ? null : problem(name, meaning, min, max, field.getText());
    }

    /** FX thread: shows {@code n} (a talk step or a screenshot sets the form as a user would). */
    public void set(int n) {
        field.setText(Integer.toString(n));
    }

    /** The number in {@code text} (separators allowed), or null when it is not one from min to max. */
    public static Integer parse(String text, int min, int max) {
        if (text == null) return null;
        String t = text.replace(",", "").replace("_", "").replace(" ", "");
        if (!t.matches("-?[0-9]{1,10}")) return null;
        long n = Long.parseLong(t);
        return n >= min && n <= max ? (int) n : null;
    }

    /** The sentence for a bad value: "k must be a whole number from 1 to 10 (…), not "abc"." */
    public static String problem(String name, String meaning, int min, int max, String text) {
        String shown = text == null || text.isBlank() ? "nothing"
                : "\"" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "\"";
        return String.format(Locale.ROOT, "%s must be a whole number from %,d to %,d%s, not %s.", name, min, max,
                meaning == null || meaning.isBlank() ? "" : " (" + meaning + ")", shown);
    }
}
