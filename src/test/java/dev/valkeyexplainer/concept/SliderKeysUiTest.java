package dev.valkeyexplainer.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** End and Home on a form's slider move the slider, not the scrolling form around it. */
@ExtendWith(ApplicationExtension.class)
class SliderKeysUiTest {

    private Slider slider;

    @Start
    void start(Stage stage) {
        slider = new Slider(1, 20, 5);
        slider.setId("test-slider");
        Region filler = new Region();
        filler.setMinHeight(900);
        Region visual = new Region();
        visual.setMinSize(300, 300);
        stage.setScene(new Scene(ConceptPane.layout("test", "Heading", "Lede", visual, new VBox(8, slider, filler),
                "Explanation", new CodePanel(new SimpleObjectProperty<>(CodeLanguage.JAVA))), 1280, 533));
        stage.sizeToScene();
        stage.show();
    }

    private double formScroll() {
        for (javafx.scene.Parent p = slider.getParent(); p != null; p = p.getParent()) if (p instanceof ScrollPane s) return s.getVvalue();
        throw new AssertionError("not in a scroll pane");
    }

    @Test
    void endAndHomeMoveTheSliderOnly(FxRobot robot) {
        robot.clickOn("#test-slider");
        double before = formScroll();
        robot.type(KeyCode.END);
        assertEquals(20, slider.getValue(), 1e-9, "End: the slider's maximum");
        assertEquals(before, formScroll(), "the form did not jump to its bottom");
        robot.type(KeyCode.HOME);
        assertEquals(1, slider.getValue(), 1e-9, "Home: the slider's minimum");
        assertEquals(before, formScroll());
    }
}
