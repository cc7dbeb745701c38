package dev.valkeyexplainer.concepts.semantic;

import java.util.concurrent.CompletableFuture;

/**
 * What answers a question the cache could not: a foundation model in the talk. Two implementations:
 * the built-in {@link GameMaster} (a labelled stand-in) and {@link ChatEndpoint} (a real
 * OpenAI-compatible chat endpoint given with {@code --llm-url}).
 */
public interface AnswerModel {

    /** An answer with what it cost: tokens in and out, and the time it took. */
    record Answer(String text, int promptTokens, int completionTokens, long millis) {
        public int tokens() {
            return promptTokens + completionTokens;
        }
    }

    /** Shown on screen, e.g. "stand-in for a foundation model: the built-in game master". */
    String label();

    /** True for the stand-in: its delay and token counts are simulated, and the screen says so. */
    boolean simulated();

    /** Answers off the caller's thread; fails with a readable message (timeouts included). */
    CompletableFuture<Answer> answer(String question);

    /**
     * The price used to turn tokens into money: an assumption shown on screen, not a quote. US dollars
     * per million prompt and completion tokens, in the range of hosted mid-size models in 2025.
     */
    double PRICE_IN_PER_MILLION = 3.0;
    double PRICE_OUT_PER_MILLION = 15.0;

    static double cost(int promptTokens, int completionTokens) {
        return (promptTokens * PRICE_IN_PER_MILLION + completionTokens * PRICE_OUT_PER_MILLION) / 1_000_000;
    }
}
