package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A player's session as the talk stores it: a UUID as the session id, the player's email and age, what
 * a game keeps besides (name, level, guild, when last seen), and an inventory: an array of items, the
 * nested part that a JSON document holds naturally and a Hash can only keep serialised in one field.
 */
record PlayerSession(String id, String name, String email, int age, int level, String guild, String lastSeen,
                     List<Item> inventory) {

    /** One inventory item. */
    record Item(String name, int qty, String rarity) {
        ObjectNode toJson() {
            ObjectNode o = JsonValues.MAPPER.createObjectNode();
            o.put("name", name);
            o.put("qty", qty);
            o.put("rarity", rarity);
            return o;
        }
    }

    static final List<String> RARITIES = List.of("common", "uncommon", "rare", "epic", "legendary");

    /** The tab's example player, with a fresh session id and {@code last_seen} = now (UTC, to the second). */
    static PlayerSession sample(Instant now) {
        return new PlayerSession(UUID.randomUUID().toString(), "Alice", "alice@example.com", 27, 12, "Shadow Dragons",
                now.truncatedTo(ChronoUnit.SECONDS).toString(), List.of(
                new Item("Healing Potion", 3, "common"),
                new Item("Dragon Scale", 1, "legendary"),
                new Item("Iron Sword", 1, "rare"),
                new Item("Mana Elixir", 2, "uncommon")));
    }

    /**
     * A session with {@code items} generated items (names {@code Item 0001} …, rarities in turn, one
     * legendary in the middle): the wire comparison's document, big enough to show what filtering costs.
     */
    static PlayerSession withItems(PlayerSession base, int items) {
        List<Item> inv = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String rarity = i == items / 2 ? "legendary" : RARITIES.get(i % 4);
            inv.add(new Item(String.format(java.util.Locale.ROOT, "Item %04d", i + 1), 1 + i % 5, rarity));
        }
        return new PlayerSession(base.id(), base.name(), base.email(), base.age(), base.level(), base.guild(),
                base.lastSeen(), List.copyOf(inv));
    }

    /** The session as one JSON document, members in this order. */
    ObjectNode toJson() {
        ObjectNode o = JsonValues.MAPPER.createObjectNode();
        o.put("name", name);
        o.put("email", email);
        o.put("age", age);
        o.put("level", level);
        o.put("guild", guild);
        o.put("last_seen", lastSeen);
        ArrayNode inv = o.putArray("inventory");
        for (Item i : inventory) inv.add(i.toJson());
        return o;
    }

    /**
     * The fields a Hash stores for a document: one per top-level member; a string as its text, a number
     * or boolean as written, null as an empty string, and an object or array serialised as compact JSON
     * (a Hash has one level only: what is nested is flattened into a string the app must parse again).
     *
     * @throws IllegalArgumentException when the document is not a JSON object
     */
    static LinkedHashMap<String, String> hashFields(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("A Hash holds field → value pairs: the document must be a JSON object {…}.");
        }
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), hashValue(e.getValue()));
        }
        return out;
    }

    /** The text a Hash field holds for one JSON value. */
    static String hashValue(JsonNode v) {
        if (v.isTextual()) return v.textValue();
        if (v.isNull()) return "";
        if (v.isContainerNode()) return JsonValues.write(v);
        return v.asText();
    }
}
