package dev.valkeyexplainer.concepts.pubsub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;

/**
 * One chat line as the talk formats it: JSON with the sender, the text and the time, so a client has
 * what it needs to render the chat. Valkey does not look inside: to the server it is an opaque string
 * relayed from the publisher to the subscribers and stored nowhere.
 *
 * @param sender the player's name, e.g. {@code alice}
 * @param text   what the player typed (1-200 characters)
 * @param time   when the publisher sent it (the publisher's clock)
 */
public record ChatMessage(String sender, String text, Instant time) {

    static final int MAX_TEXT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code {"sender":"alice","text":"hello","time":"2025-01-01T10:00:00Z"}} */
    public String toJson() {
        return JSON.createObjectNode().put("sender", sender).put("text", text).put("time", time.toString()).toString();
    }

    /** The message in a payload, or empty when it is not our JSON (e.g. someone else's publish on a shared server). */
    public static Optional<ChatMessage> parse(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            if (n == null || !n.hasNonNull("sender") || !n.hasNonNull("text")) return Optional.empty();
            Instant t = n.hasNonNull("time") ? Instant.parse(n.get("time").asText()) : Instant.EPOCH;
            return Optional.of(new ChatMessage(n.get("sender").asText(), n.get("text").asText(), t));
        } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Loads the JSON library's classes (hundreds of them, a few hundred ms on a busy machine): called on
     * the blocking executor when the chat starts, so the first chat line does not stall the FX thread.
     */
    static void warmUp() {
        parse(new ChatMessage("warm", "up", Instant.EPOCH).toJson());
    }

    /** Why a typed text cannot be sent, or empty when it can. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) return Optional.of("Type a message first.");
        if (text.length() > MAX_TEXT) return Optional.of("A chat line is at most " + MAX_TEXT + " characters.");
        return Optional.empty();
    }
}
