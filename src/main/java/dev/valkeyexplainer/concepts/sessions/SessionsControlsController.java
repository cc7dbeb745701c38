package dev.valkeyexplainer.concepts.sessions;

import dev.valkeyexplainer.concept.widgets.WholeNumberInput;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;

/**
 * The "Try it" panel ({@code fxml/concepts/sessions/controls.fxml}): a new session, a field to set or
 * increment in both stores, an item to add, a path to ask, the two measurements, the whole document,
 * and a menu of bad inputs. It reads the form and calls the tab's actions; it shows the model's status
 * and problem lines.
 */
public final class SessionsControlsController {

    /** What the panel asks for (the tab implements it). */
    interface Actions {
        void newSession();

        void setField(String field, String json);

        void increment(String field, String by);

        void addItem(String name, String qty, String rarity);

        void runPath(String path);

        void measureMemory();

        void compare(int items);

        void replaceDocument(String text);

        void badInput(BadInput kind);
    }

    /** The examples of bad input the menu runs. */
    enum BadInput { NOT_JSON, SYNTAX, NOTHING, NOT_NUMBER, HUGE }

    /** The paths offered: both dialects, wildcards, recursion, slices, filters, a miss and a syntax error. */
    static final List<String> PATHS = List.of(".email", "$.email", "$.inventory[*].name", "$.inventory[?(@.qty>1)].name",
            "$..name", "$.inventory[-1]", "$.inventory[0:2].rarity", "$.inventory[?(@.rarity==\"legendary\")]",
            ".inventory[*].name", "$..qty", "$.nothing", "$.inventory[?(@.qty>)]");
    static final List<String> FIELDS = List.of("guild", "level", "age", "email", "name", "last_seen");

    private final SessionsModel model;
    private final Actions actions;

    @FXML Button newSession;
    @FXML MenuButton badInput;
    @FXML MenuItem badJson;
    @FXML MenuItem badSyntax;
    @FXML MenuItem badNothing;
    @FXML MenuItem badNumber;
    @FXML MenuItem badHuge;
    @FXML ComboBox<String> field;
    @FXML TextField value;
    @FXML Button set;
    @FXML TextField by;
    @FXML Button increment;
    @FXML TextField itemName;
    @FXML TextField itemQty;
    @FXML ComboBox<String> itemRarity;
    @FXML Button addItem;
    @FXML ComboBox<String> path;
    @FXML Button run;
    @FXML Button measureMemory;
    @FXML TextField items;
    private WholeNumberInput itemsInput;
    @FXML Button compare;
    @FXML TitledPane documentPane;
    @FXML TextArea document;
    @FXML Button store;
    @FXML Label problem;
    @FXML Label status;

    SessionsControlsController(SessionsModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
    }

    @FXML
    void initialize() {
        field.getItems().setAll(FIELDS);
        field.setValue("guild");
        value.setText("\"Night Owls\"");
        itemRarity.getItems().setAll(PlayerSession.RARITIES);
        itemRarity.setValue("legendary");
        path.getItems().setAll(PATHS);
        path.setValue("$.inventory[?(@.qty>1)].name");
        itemsInput = new WholeNumberInput(items, MIN_ITEMS, MAX_ITEMS, 200, "Items", "the inventory stored before the comparison");
        newSession.setOnAction(e -> actions.newSession());
        set.setOnAction(e -> actions.setField(fieldText(), value.getText()));
        value.setOnAction(e -> actions.setField(fieldText(), value.getText()));
        increment.setOnAction(e -> actions.increment(fieldText(), by.getText()));
        addItem.setOnAction(e -> actions.addItem(itemName.getText(), itemQty.getText(), itemRarity.getValue()));
        run.setOnAction(e -> actions.runPath(pathText()));
        path.setOnAction(e -> {
            if (path.isFocused() || path.getEditor().isFocused()) actions.runPath(pathText());
        });
        measureMemory.setOnAction(e -> actions.measureMemory());
        compare.setOnAction(e -> {
            // the number as typed: 5000 is refused with a sentence, never clamped to 1,000
            java.util.OptionalInt n = itemsInput.value();
            if (n.isEmpty()) {
                model.problem.set(itemsInput.problem());
                return;
            }
            actions.compare(n.getAsInt());
        });
        items.setOnAction(e -> compare.fire());
        store.setOnAction(e -> actions.replaceDocument(document.getText()));
        badJson.setOnAction(e -> actions.badInput(BadInput.NOT_JSON));
        badSyntax.setOnAction(e -> actions.badInput(BadInput.SYNTAX));
        badNothing.setOnAction(e -> actions.badInput(BadInput.NOTHING));
        badNumber.setOnAction(e -> actions.badInput(BadInput.NOT_NUMBER));
        badHuge.setOnAction(e -> actions.badInput(BadInput.HUGE));
        problem.textProperty().bind(model.problem);
        status.textProperty().bind(model.status);
    }

    /** Bounds of the item count for "Compare server vs client" (each item is one JSON object in the document). */
    static final int MIN_ITEMS = 1, MAX_ITEMS = 1_000;

    /** The item count typed (thousands separators allowed), or null when it is not a whole number from 1 to 1,000. */
    static Integer itemCount(String text) {
        return WholeNumberInput.parse(text, MIN_ITEMS, MAX_ITEMS);
    }

    /** What is wrong with the typed item count, as shown under the form. */
    static String itemCountProblem(String text) {
        return WholeNumberInput.problem("Items", "the inventory stored before the comparison", MIN_ITEMS, MAX_ITEMS, text);
    }

    /** The field as typed (an editable combo box commits its text only when it loses focus). */
    String fieldText() {
        String t = field.getEditor().getText();
        return t == null || t.isBlank() ? field.getValue() : t.strip();
    }

    String pathText() {
        String t = path.getEditor().getText();
        return t == null || t.isBlank() ? path.getValue() : t;
    }

    // the tab fills the form before it runs a step, as a user would

    void fill(String fieldName, String json, String increment) {
        if (fieldName != null) {
            field.setValue(fieldName);
            field.getEditor().setText(fieldName);
        }
        if (json != null) value.setText(json);
        if (increment != null) by.setText(increment);
    }

    void fillPath(String p) {
        path.setValue(p);
        path.getEditor().setText(p);
    }

    void fillItem(String name, int qty, String rarity) {
        itemName.setText(name);
        itemQty.setText(Integer.toString(qty));
        itemRarity.setValue(rarity);
    }

    void fillDocument(String text, boolean open) {
        document.setText(text);
        if (open) documentPane.setExpanded(true);
    }

    void busy(boolean b) {
        for (javafx.scene.control.Control c : List.of(newSession, set, increment, addItem, run, measureMemory, compare, store, badInput)) {
            c.setDisable(b);
        }
    }
}
