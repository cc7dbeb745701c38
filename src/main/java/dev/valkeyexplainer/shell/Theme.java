package dev.valkeyexplainer.shell;

import java.util.Objects;
import dev.valkeyexplainer.concept.Palette;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Light and dark themes. The CSS colour tokens live in {@code styles/tokens.css} on {@code .root},
 * with overrides under {@code .root:dark}; canvases read the matching {@link Palette}.
 */
public final class Theme {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.LIGHT);
    private Parent root;

    /** The shell's sheets, then {@code styles/concepts/<id>.css} for each tab that has one. */
    public static void addStylesheets(Scene scene, java.util.List<String> conceptIds) {
        for (String css : new String[]{"/styles/tokens.css", "/styles/app.css"}) {
            scene.getStylesheets().add(Objects.requireNonNull(Theme.class.getResource(css), css).toExternalForm());
        }
        for (String id : conceptIds) {
            java.net.URL url = Theme.class.getResource("/styles/concepts/" + id + ".css");
            if (url != null) scene.getStylesheets().add(url.toExternalForm());
        }
    }

    public void attach(Parent root) {
        this.root = root;
        apply();
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    public boolean dark() {
        return palette.get().dark();
    }

    public void setDark(boolean dark) {
        palette.set(dark ? Palette.DARK : Palette.LIGHT);
        apply();
    }

    public void toggle() {
        setDark(!dark());
    }

    private void apply() {
        if (root != null) root.pseudoClassStateChanged(DARK, dark());
    }
}
