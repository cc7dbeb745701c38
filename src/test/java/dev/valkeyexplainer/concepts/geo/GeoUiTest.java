package dev.valkeyexplainer.concepts.geo;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The geospatial tab in the real window, headless, against a sandbox server. */
class GeoUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "geo"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private GeoView view() {
        return (GeoView) ((BorderPane) window.activeView()).getCenter();
    }

    private String world() {
        return app.services.gateway().namespace().key("geo:world");
    }

    private GeoModel model() {
        return view().map.model();
    }

    private List<JournalEntry> rows(String prefix) {
        return window.journal().visibleRows().stream().filter(e -> e.commandText().startsWith(prefix)).toList();
    }

    private Point2D onScreen(double lon, double lat) {
        double[] xy = view().map.screen(lon, lat);
        return view().map.localToScreen(xy[0], xy[1]);
    }

    private void loadTalk(FxRobot robot) {
        robot.clickOn("#geo-mode-members").clickOn("#geo-talk");
        waitUntil("the talk's two members are on the map", () -> model().snapshot.get() != null
                && model().snapshot.get().members().size() == 2 && model().snapshot.get().member("Alice").isPresent());
    }

    @Test
    void clickingTheMapAddsAMemberWhereTheClickWas(FxRobot robot) {
        loadTalk(robot);
        double lon = GameWorld.lon(1200);
        double lat = GameWorld.lat(900);
        Point2D p = onScreen(lon, lat);
        robot.clickOn(p.getX(), p.getY(), MouseButton.PRIMARY);
        waitUntil("GEOADD of Player 1", () -> rows("GEOADD " + world()).stream().anyMatch(e -> e.commandText().endsWith("Player 1")));
        waitUntil("the map shows the new member", () -> model().snapshot.get().member("Player 1").isPresent());
        GeoModel.Member m = model().snapshot.get().member("Player 1").orElseThrow();
        double off = GeoHash.distance(lon, lat, m.lon(), m.lat());
        double mpp = view().map.viewport().metersPerPixel();
        assertTrue(off <= 2 * mpp, "stored " + off + " m from the click, one pixel is " + mpp + " m");
        waitUntil("its score is shown", () -> robot.lookup("#geo-score").queryAs(Label.class).getText().contains("Player 1"));
    }

    @Test
    void aLatitudeBeyondTheLimitIsRefusedAndNothingIsAdded(FxRobot robot) {
        robot.clickOn("#geo-mode-members");
        robot.clickOn("#geo-name").eraseText(12).write("Polar");
        robot.clickOn("#geo-lon").eraseText(12).write("0");
        robot.clickOn("#geo-lat").eraseText(12).write("86");
        robot.clickOn("#geo-add");
        waitUntil("the message", () -> robot.lookup("#geo-problem").queryAs(Label.class).getText().contains("85.05112878"));
        robot.clickOn("#geo-lat").eraseText(12).write("NaN");
        robot.clickOn("#geo-add");
        waitUntil("the NaN message", () -> robot.lookup("#geo-problem").queryAs(Label.class).getText().contains("NaN"));
        assertTrue(rows("GEOADD").stream().noneMatch(e -> e.commandText().endsWith("Polar")), "no GEOADD was sent");
    }

    @Test
    void theTalksSearchesGiveTheTalksAnswersAndRightClickRemoves(FxRobot robot) {
        loadTalk(robot);
        robot.clickOn("#geo-mode-search").clickOn("#geo-talk-1km");
        waitUntil("1 km: Alice only", () -> {
            GeoModel.Search s = model().search.get();
            return s != null && s.shape().radius() == 1 && s.hits().size() == 1;
        });
        assertEquals("Alice", model().search.get().hits().get(0).member());
        assertTrue(robot.lookup("#geo-answer").queryAs(Label.class).getText().startsWith("Answer, nearest first: Alice"));
        robot.clickOn("#geo-talk-3km");
        waitUntil("3 km: both", () -> model().search.get().shape().radius() == 3 && model().search.get().hits().size() == 2);
        assertTrue(rows("ZRANGE " + world()).stream().anyMatch(e -> e.commandText().contains("BYSCORE")), "the cells were read");
        GeoModel.Member beach = model().snapshot.get().member("Beach One").orElseThrow();
        Point2D p = onScreen(beach.lon(), beach.lat());
        robot.clickOn(p.getX(), p.getY(), MouseButton.SECONDARY);
        waitUntil("ZREM Beach One", () -> rows("ZREM " + world() + " Beach One").size() == 1);
        waitUntil("gone from the map", () -> model().snapshot.get().member("Beach One").isEmpty());
    }

    @Test
    void aKeyThatIsNotGeoDataIsNotOpened(FxRobot robot) throws Exception {
        String board = app.services.gateway().namespace().key("geo-ui:leaderboard");
        app.services.gateway().send("test", "test", Commands.write(List.of(board), "ZADD", board, "100", "alice", "2500", "bob"))
                .get(10, TimeUnit.SECONDS);
        waitUntil("the game key is shown", () -> model().snapshot.get() != null);
        robot.clickOn("#geo-mode-key").clickOn("#geo-key").write(board).clickOn("#geo-open");
        waitUntil("the reason", () -> robot.lookup("#geo-problem").queryAs(Label.class).getText().contains("ordinary sorted set"));
        assertEquals(world(), model().key.get(), "nothing was opened");
    }
}
