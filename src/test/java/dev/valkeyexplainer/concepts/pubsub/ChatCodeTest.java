package dev.valkeyexplainer.concepts.pubsub;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The code panel's snippets: Java and Python name the same Valkey commands, and the channel is the tab's. */
class ChatCodeTest {

    private static final String CHANNEL = "vx:chat:{shadow-dragons}";

    static List<ChatCode> all() {
        return List.of(ChatCode.join(ChatMode.SHARDED, CHANNEL), ChatCode.join(ChatMode.CLASSIC, CHANNEL),
                ChatCode.say(ChatMode.SHARDED, CHANNEL), ChatCode.say(ChatMode.CLASSIC, CHANNEL), ChatCode.observe(),
                ChatCode.patterns("vx:chat:*"), ChatCode.atMostOnce(ChatMode.SHARDED, CHANNEL),
                ChatCode.atMostOnce(ChatMode.CLASSIC, CHANNEL), ChatCode.slotMove());
    }

    @Test
    void bothLanguagesNameEveryCommandTheStepSends() {
        for (ChatCode c : all()) {
            assertFalse(c.commands().isEmpty(), c.title());
            for (String command : c.commands()) {
                assertTrue(names(c.snippet().java(), command), c.title() + ": Java does not name " + command);
                assertTrue(names(c.snippet().python(), command), c.title() + ": Python does not name " + command);
            }
        }
    }

    @Test
    void theShardedAndClassicVersionsDiffer() {
        String sharded = ChatCode.say(ChatMode.SHARDED, CHANNEL).snippet().python();
        assertTrue(sharded.contains("sharded=True"), sharded);
        assertFalse(ChatCode.say(ChatMode.CLASSIC, CHANNEL).snippet().python().contains("sharded=True"));
        assertTrue(ChatCode.join(ChatMode.SHARDED, CHANNEL).snippet().java().contains("alice.ssubscribe(Set.of(\"" + CHANNEL + "\")"));
        assertTrue(ChatCode.join(ChatMode.CLASSIC, CHANNEL).snippet().python().contains("alice.subscribe({\"" + CHANNEL + "\"}"));
    }

    /** A command is named as a string ("SPUBLISH") or as the method that sends it (ssubscribe). */
    private static boolean names(String code, String command) {
        return java.util.regex.Pattern.compile("(?<![A-Za-z])" + command + "(?![A-Za-z])").matcher(code).find()
                || code.toLowerCase(Locale.ROOT).contains("." + command.toLowerCase(Locale.ROOT) + "(");
    }
}
