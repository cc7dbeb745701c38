package dev.valkeyexplainer.concepts.geo;

import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The "Try it" panel ({@code fxml/concepts/geo/controls.fxml}): reads and checks what was typed
 * ({@link GeoInput}), shows the problem and sends nothing when it is bad, else hands the request to
 * the tab's {@link Handler}, which runs the commands.
 */
public final class GeoControlsController {

    /** What the panel asks the tab to run. */
    public interface Handler {
        void add(String name, double lon, double lat);

        void remove(String name);

        void distance(String a, String b);

        void search(SearchShape shape, String fromMember, long count);

        void inspect(String member, int step);

        void loadTalk();

        void morePlaces();

        void findKeys();

        void openKey(String key);

        void backToGame();
    }

    private final GeoModel model;
    private final Handler handler;
    private boolean updatingLists;
    @FXML ToggleGroup modes;
    @FXML ToggleButton membersMode;
    @FXML ToggleButton searchMode;
    @FXML ToggleButton hashMode;
    @FXML ToggleButton keyMode;
    @FXML VBox membersBox;
    @FXML VBox searchBox;
    @FXML VBox hashBox;
    @FXML VBox keyBox;
    @FXML ToggleButton clickCentres;
    @FXML TextField nameField;
    @FXML TextField lonField;
    @FXML TextField latField;
    @FXML ComboBox<String> distA;
    @FXML ComboBox<String> distB;
    @FXML Label distResult;
    @FXML ToggleButton fromMember;
    @FXML HBox pointRow;
    @FXML TextField centreLon;
    @FXML TextField centreLat;
    @FXML ComboBox<String> originMember;
    @FXML ToggleButton byBox;
    @FXML TextField radiusField;
    @FXML TextField widthField;
    @FXML TextField heightField;
    @FXML ComboBox<SearchShape.Unit> unitChoice;
    @FXML TextField countField;
    @FXML ComboBox<String> hashMember;
    @FXML Slider stepSlider;
    @FXML Label stepLabel;
    @FXML Label stepHint;
    @FXML ComboBox<String> foundKeys;
    @FXML TextField keyField;
    @FXML Label foundSummary;
    @FXML Label problem;
    @FXML Label status;

    public GeoControlsController(GeoModel model, Handler handler) {
        this.model = model;
        this.handler = handler;
    }

    @FXML
    private void initialize() {
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else showMode(b);
        });
        for (ToggleGroup g : List.of(membersMode.getToggleGroup(), clickCentres.getToggleGroup(), fromMember.getToggleGroup(),
                byBox.getToggleGroup())) {
            g.selectedToggleProperty().addListener((o, a, b) -> {
                if (b == null && a != null) a.setSelected(true);
            });
        }
        unitChoice.getItems().setAll(SearchShape.Unit.values());
        unitChoice.setValue(SearchShape.Unit.KM);
        pointRow.visibleProperty().bind(fromMember.selectedProperty().not());
        pointRow.managedProperty().bind(pointRow.visibleProperty());
        originMember.visibleProperty().bind(fromMember.selectedProperty());
        originMember.managedProperty().bind(originMember.visibleProperty());
        radiusField.visibleProperty().bind(byBox.selectedProperty().not());
        radiusField.managedProperty().bind(radiusField.visibleProperty());
        widthField.visibleProperty().bind(byBox.selectedProperty());
        widthField.managedProperty().bind(widthField.visibleProperty());
        heightField.visibleProperty().bind(byBox.selectedProperty());
        heightField.managedProperty().bind(heightField.visibleProperty());
        problem.textProperty().bind(model.problem);
        status.textProperty().bind(model.status);
        model.centre.addListener((o, a, c) -> showCentre(c));
        showCentre(model.centre.get());
        model.snapshot.addListener((o, a, s) -> members(s));
        model.selected.addListener((o, a, m) -> {
            if (m != null) hashMember.setValue(m);
        });
        stepSlider.valueProperty().addListener((o, a, b) -> {
            int step = (int) Math.round(b.doubleValue());
            if (step != model.step.get()) model.step.set(step);
        });
        model.step.addListener((o, a, b) -> {
            stepSlider.setValue(b.intValue());
            showStep();
            if (hashMember.getValue() != null) handler.inspect(hashMember.getValue(), b.intValue());
        });
        hashMember.valueProperty().addListener((o, a, m) -> {
            if (!updatingLists && m != null && !m.equals(a)) handler.inspect(m, model.step.get());
        });
        foundKeys.valueProperty().addListener((o, a, k) -> {
            if (k != null) handler.openKey(k.replaceFirst(" \\(.*$", ""));
        });
        stepSlider.setValue(model.step.get());
        showStep();
    }

    private void showMode(Toggle t) {
        membersBox.setVisible(t == membersMode);
        searchBox.setVisible(t == searchMode);
        hashBox.setVisible(t == hashMode);
        keyBox.setVisible(t == keyMode);
    }

    /** Switches to a mode: 0 members, 1 search, 2 geohash, 3 open a key. */
    public void mode(int i) {
        List.of(membersMode, searchMode, hashMode, keyMode).get(i).setSelected(true);
    }

    /** Whether a click on the map sets the search centre rather than adding a member. */
    public boolean clickSetsCentre() {
        return clickCentres.isSelected();
    }

    public ToggleButton clickCentresToggle() {
        return clickCentres;
    }

    private void showCentre(double[] c) {
        centreLon.setText(GeoInput.coordinate(c[0]));
        centreLat.setText(GeoInput.coordinate(c[1]));
    }

    private void showStep() {
        int step = model.step.get();
        GeoHash.Cell c = GeoHash.decode(GeoHash.encode(GameWorld.LON0, GameWorld.LAT0, step), step);
        stepLabel.setText("step " + step);
        stepHint.setText(String.format(Locale.ROOT, "%d bits: cells of %s × %s at the island's latitude. Step 26 (52 bits) is"
                + " the stored precision.", 2 * step, BasemapPainter.length(c.widthMeters()), BasemapPainter.length(c.heightMeters())));
    }

    private void members(GeoModel.Snapshot s) {
        List<String> names = s == null ? List.of() : s.members().stream().map(GeoModel.Member::name).toList();
        updatingLists = true;
        try {
            for (ComboBox<String> box : List.of(distA, distB, originMember, hashMember)) {
                String keep = box.getValue();
                if (!box.getItems().equals(names)) box.getItems().setAll(names);
                if (keep != null && names.contains(keep)) box.setValue(keep);
            }
        } finally {
            updatingLists = false;
        }
    }

    private boolean refuse(String why) {
        if (why == null) return false;
        model.problem.set(why);
        return true;
    }

    @FXML
    void add() {
        if (refuse(GeoInput.memberProblem(nameField.getText())) || refuse(GeoInput.pointProblem(lonField.getText(), latField.getText()))) {
            return;
        }
        handler.add(nameField.getText().strip(), GeoInput.number(lonField.getText(), "").value(),
                GeoInput.number(latField.getText(), "").value());
    }

    @FXML
    void removeSelected() {
        String m = model.selected.get();
        if (refuse(m == null ? "Select a member first: click it on the map (or right-click it to remove it at once)." : null)) return;
        handler.remove(m);
    }

    @FXML
    void distance() {
        if (refuse(distA.getValue() == null || distB.getValue() == null ? "Pick two members." : null)) return;
        handler.distance(distA.getValue(), distB.getValue());
    }

    /** The search the form describes, or null after showing why it cannot run. */
    SearchShape formShape() {
        GeoInput.Parsed lon = GeoInput.number(centreLon.getText(), "The centre's longitude");
        GeoInput.Parsed lat = GeoInput.number(centreLat.getText(), "The centre's latitude");
        if (!fromMember.isSelected() && (refuse(lon.problem()) || refuse(lat.problem()))) return null;
        double cLon = fromMember.isSelected() ? 0 : lon.value();
        double cLat = fromMember.isSelected() ? 0 : lat.value();
        SearchShape.Unit unit = unitChoice.getValue();
        SearchShape s;
        if (byBox.isSelected()) {
            GeoInput.Parsed w = GeoInput.number(widthField.getText(), "Width");
            GeoInput.Parsed h = GeoInput.number(heightField.getText(), "Height");
            if (refuse(w.problem()) || refuse(h.problem())) return null;
            s = SearchShape.box(cLon, cLat, w.value(), h.value(), unit);
        } else {
            GeoInput.Parsed r = GeoInput.number(radiusField.getText(), "Radius");
            if (refuse(r.problem())) return null;
            s = SearchShape.circle(cLon, cLat, r.value(), unit);
        }
        return refuse(GeoInput.shapeProblem(s, !fromMember.isSelected())) ? null : s;
    }

    @FXML
    void search() {
        SearchShape s = formShape();
        if (s == null) return;
        GeoInput.Parsed count = GeoInput.count(countField.getText());
        if (refuse(count.problem())) return;
        String member = fromMember.isSelected() ? originMember.getValue() : null;
        if (refuse(fromMember.isSelected() && member == null ? "Pick the member to search around." : null)) return;
        handler.search(s, member, (long) count.value());
    }

    /** Shows a search that ran (typed, clicked or from the talk) in the form. */
    void showSearch(SearchShape s, String member) {
        fromMember.setSelected(member != null);
        if (member != null) originMember.setValue(member);
        byBox.setSelected(s.kind() == SearchShape.Kind.BOX);
        if (s.kind() == SearchShape.Kind.BOX) {
            widthField.setText(SearchShape.fmt(s.width()).replace(",", ""));
            heightField.setText(SearchShape.fmt(s.height()).replace(",", ""));
        } else {
            radiusField.setText(SearchShape.fmt(s.radius()).replace(",", ""));
        }
        unitChoice.setValue(s.unit());
    }

    /** Fills the form with one of the talk's searches (from its query point, in km); the shape, or null. */
    SearchShape fillTalkSearch(double km) {
        double[] q = GameWorld.queryPoint();
        mode(1);
        // the groups keep one toggle on (deselecting is undone): select the other one instead
        selectOther(fromMember);
        selectOther(byBox);
        centreLon.setText(GeoInput.coordinate(q[0]));
        centreLat.setText(GeoInput.coordinate(q[1]));
        radiusField.setText(SearchShape.fmt(km));
        unitChoice.setValue(SearchShape.Unit.KM);
        countField.setText("");
        return formShape();
    }

    /** Selects the toggle of {@code t}'s group that is not {@code t} ("a point", "radius"). */
    private static void selectOther(ToggleButton t) {
        t.getToggleGroup().getToggles().stream().filter(o -> o != t).findFirst().ifPresent(o -> o.setSelected(true));
    }

    private void talkSearch(double km) {
        SearchShape s = fillTalkSearch(km);
        if (s != null) handler.search(s, null, 0);
    }

    @FXML
    void talkThree() {
        talkSearch(3);
    }

    @FXML
    void talkOne() {
        talkSearch(1);
    }

    @FXML
    void loadTalk() {
        handler.loadTalk();
    }

    @FXML
    void morePlaces() {
        handler.morePlaces();
    }

    @FXML
    void findKeys() {
        handler.findKeys();
    }

    @FXML
    void openTyped() {
        String k = keyField.getText() == null ? "" : keyField.getText().strip();
        if (refuse(k.isEmpty() ? "Type a key name, or pick one that Find listed." : null)) return;
        handler.openKey(k);
    }

    @FXML
    void backToGame() {
        handler.backToGame();
    }

    /** Shows what Find returned: GEO keys first in the list, the others explained in the summary. */
    void showFound(List<KeyFinder.Found> found) {
        List<String> geo = found.stream().filter(KeyFinder.Found::geo)
                .map(f -> String.format(Locale.ROOT, "%s (%,d)", f.key(), f.size())).toList();
        foundKeys.getItems().setAll(geo);
        long others = found.size() - geo.size();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d sorted set%s found, %d with GEO data.", found.size(),
                found.size() == 1 ? "" : "s", geo.size()));
        found.stream().filter(f -> !f.geo()).limit(3).forEach(f -> sb.append("\n").append(f.problem()));
        if (others > 3) sb.append(String.format(Locale.ROOT, "\n… and %d more that are not GEO data.", others - 3));
        foundSummary.setText(sb.toString());
    }
}
