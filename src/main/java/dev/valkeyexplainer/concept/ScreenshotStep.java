package dev.valkeyexplainer.concept;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One picture the screenshot mode takes of a tab: {@code prepare} drives the tab (with real
 * commands) to a representative state and completes with a caption carrying the live figures.
 *
 * @param name file name without extension, e.g. {@code hll-registers}
 */
public record ScreenshotStep(String name, Supplier<CompletionStage<String>> prepare) {
}
