package dev.valkeyexplainer.concepts.semantic;

/**
 * Which answer model the semantic tab uses, from the command line: {@code --llm-url} (an
 * OpenAI-compatible chat endpoint, e.g. a local model server) and {@code --llm-model}. The API key is
 * never an option: it is read from the environment variable {@value #KEY_ENV} and is never journaled,
 * logged or shown. With no URL the built-in game master answers.
 *
 * @param url   the endpoint's base URL (…/v1) or its full …/chat/completions URL; null for the game master
 * @param model the model name sent in the request
 */
public record AnswerModelSettings(String url, String model) {

    public static final String KEY_ENV = "VX_LLM_API_KEY";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    public static final AnswerModelSettings GAME_MASTER = new AnswerModelSettings(null, DEFAULT_MODEL);

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
