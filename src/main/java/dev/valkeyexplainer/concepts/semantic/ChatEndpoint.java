package dev.valkeyexplainer.concepts.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A real answer model: an OpenAI-compatible {@code POST …/chat/completions} endpoint (hosted, or a
 * local model server), given with {@code --llm-url}. The key comes from the environment
 * ({@link AnswerModelSettings#KEY_ENV}), goes only into the Authorization header, and appears nowhere
 * else. Token counts are the endpoint's own {@code usage} figures. A request that takes longer than
 * {@link #TIMEOUT} fails with a message that says so; nothing is cached then.
 */
public final class ChatEndpoint implements AnswerModel {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String model;
    private final String key;
    private final HttpClient http;

    /** @throws IllegalArgumentException for a URL that is not http(s) */
    public ChatEndpoint(AnswerModelSettings settings, String key) {
        String u = settings.url().strip();
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new IllegalArgumentException("--llm-url must start with http:// or https://, not '" + u + "'.");
        }
        if (!u.endsWith("/chat/completions")) u = u.replaceAll("/+$", "") + "/chat/completions";
        this.uri = URI.create(u);
        this.model = settings.model();
        this.key = key;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String label() {
        return "foundation model " + model + " at " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public CompletableFuture<Answer> answer(String question) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", 200);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", GameMaster.SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", question);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (key != null && !key.isBlank()) req.header("Authorization", "Bearer " + key);
        long t0 = System.nanoTime();
        return http.sendAsync(req.build(), HttpResponse.BodyHandlers.ofString()).handle((resp, e) -> {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (e != null) throw new CompletionException(new IllegalStateException(failure(e), e));
            return parse(resp.statusCode(), resp.body(), ms);
        });
    }

    private String failure(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof HttpTimeoutException) {
            return "The answer model at " + uri.getHost() + " did not answer within " + TIMEOUT.toSeconds()
                    + " s; nothing was cached. Try again, or start without --llm-url to use the built-in game master.";
        }
        return "The answer model at " + uri.getHost() + " could not be reached (" + c.getClass().getSimpleName() + ")."
                + " Nothing was cached.";
    }

    static Answer parse(int status, String body, long ms) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The answer model replied with HTTP " + status + " and no JSON.");
        }
        if (status / 100 != 2) {
            String msg = root.path("error").path("message").asText("");
            throw new IllegalStateException("The answer model refused the request: HTTP " + status
                    + (msg.isEmpty() ? "" : " — " + msg));
        }
        String text = root.path("choices").path(0).path("message").path("content").asText("").strip();
        if (text.isEmpty()) throw new IllegalStateException("The answer model replied without an answer.");
        JsonNode usage = root.path("usage");
        int in = usage.path("prompt_tokens").asInt(GameMaster.tokens(GameMaster.SYSTEM_PROMPT));
        int out = usage.path("completion_tokens").asInt(GameMaster.tokens(text));
        return new Answer(text, in, out, ms);
    }
}
