package dev.valkeyexplainer.concepts.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The app's port of valkey-json's path selector gives the module's answers: the expectations are the
 * module's own (its integration tests, tst/integration/test_json_basic.py in valkey-io/valkey-json),
 * on the same documents.
 */
class PathSelectorTest {

    static final String STORE = """
            {"store":{"books":[{"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95},
            {"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99,"movies":[{"title":"Sword of Honour"}]},
            {"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":9},
            {"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99}],
            "bicycle":{"color":"red","price":19.95}}}""";
    static final String WIKI = """
            {"firstName":"John","lastName":"Smith","age":27,"weight":135.17,"isAlive":true,
            "address":{"street":"21 2nd Street","city":"New York","state":"NY","zipcode":"10021-3100"},
            "phoneNumbers":[{"type":"home","number":"212 555-1234"},{"type":"office","number":"646 555-4567"}],
            "children":[],"spouse":null}""";

    /** What JSON.GET would reply: the error message, or the value(s) as compact JSON. */
    static String reply(String doc, String path) {
        PathSelection s = PathSelector.select(JsonValues.parse(doc).orElseThrow(), path);
        if (s.replyError() != null) return s.replyError().message;
        if (!s.jsonPath()) return JsonValues.write(s.matches().get(0).node());
        return s.matches().stream().map(m -> JsonValues.write(m.node())).collect(Collectors.joining(",", "[", "]"));
    }

    static void check(String doc, String path, String expected) {
        assertEquals(expected, reply(doc, path), path);
    }

    @Test
    void filtersSelectWhatTheModuleSelectsInItsOrder() {
        check(STORE, "$.store.books[?(@.isbn)].price", "[9,22.99]");
        check(STORE, "$.store.books[?( @.isbn )].price", "[9,22.99]");
        check(STORE, "$.store.books[?(@[\"isbn\"])][\"price\"]", "[9,22.99]");
        check(STORE, "$.store.books[?(@['isbn'])]['price']", "[9,22.99]");
        check(STORE, "$.store.books[?(@.category == \"reference\")].price", "[8.95]");
        check(STORE, "$.store.books[?(@.[\"category\"] == \"fiction\")].price", "[12.99,9,22.99]");
        check(STORE, "$.store.books[?(@.price<1.0E1)].price", "[8.95,9]");
        check(STORE, "$.store.books[?(@.price>-1.23e1&&@.price<1.0E1)].price", "[8.95,9]");
        check(STORE, "$.store.books[?(@[\"price\"] > -1.23e1 && @[\"price\"] < 1.0E1)][\"price\"]", "[8.95,9]");
        check(STORE, "$.store.books[?(@.price==22.99)].title", "[\"The Lord of the Rings\"]");
        check(STORE, "$.store.books[?(@.price<9||@.price>10&&@.isbn)].price", "[8.95,22.99]");
        check(STORE, "$.store.books[?((@.price<9||@.price>10)&&@.isbn)].price", "[22.99]");
        check(STORE, "$.store.books[?(9 > @.price)].title", "[\"Sayings of the Century\"]");
        check(STORE, "$.store.books[?(@.price < $.store.bicycle.price)].price", "[8.95,12.99,9]");
        check("[1,2,3,4,5]", "$.*.[?(@>2)]", "[3,4,5]");
        check("[1,2,3,4,5]", "$[ * ][?( @ > 2 )]", "[3,4,5]");
        check("[1,2,3,4,5]", "$.*[?(@ != 3)]", "[1,2,4,5]");
        check("[true,false,true,false,null,1,2,3,4]", "$[*][?(@ == true)]", "[true,true]");
        check("[true,false,true,false,null,1,2,3,4]", "$.*.[?(@>1)]", "[2,3,4]");
        check("[1,2,3,4,5,6,7,8,9]", "$.*[?(@ > 7 || @ < 3)]", "[8,9,1,2]");
        check("[1,2,3,4,5,6,7,8,9]", "$.*[?(@ < 3 || @ > 7)]", "[1,2,8,9]");
        check("{\"books\": [{\"price\":5,\"sold\":true,\"in-stock\":true,\"title\":\"foo\"}, {\"price\":15,\"sold\":false,\"title\":\"abc\"}]}",
                "$.books[?((@.price>1&&@.price<20)&&(@.sold==false))]", "[{\"price\":15,\"sold\":false,\"title\":\"abc\"}]");
    }

    @Test
    void recursiveDescentVisitsEachNodeBeforeItsChildren() {
        check("{\"a\":{\"a\":1}}", "$..a", "[{\"a\":1},1]");
        check("{\"a\":{\"a\":{\"a\":{\"a\":1}}}}", "$..a..a", "[{\"a\":{\"a\":1}},{\"a\":1},1]");
        check("{\"a\":{\"a\":{\"a\":{\"a\":1}}}}", "$..a..a..a..a..a", "[]");
        check("{\"x\": {}, \"y\": {\"a\":\"a\"}, \"z\": {\"a\":\"\", \"b\":\"b\"}}", "$..a", "[\"a\",\"\"]");
        String k4 = "{\"a\":{\"b\":{\"z\":{\"y\":1}}, \"c\":{\"z\":{\"y\":2}}, \"z\":{\"y\":3}}}";
        check(k4, "$.a..z.y", "[3,1,2]");
        check(k4, "$.a.*..y", "[1,2,3]");
        String k5 = "{\"a\":1, \"b\": {\"e\":[0,1,2]}, \"c\":{\"e\":[10,11,12]}}";
        check(k5, "$..e.[*]", "[0,1,2,10,11,12]");
        check(k5, "$..[ \"e\" ][ 0 : 2 ]", "[0,1,10,11]");
    }

    @Test
    void slicesAndUnionsFollowTheModule() {
        String a = "[0,1,2,3,4,5,6,7,8,9]";
        check(a, "$[ 0 : 3 ]", "[0,1,2]");
        check(a, "$[2:-2]", "[2,3,4,5,6,7]");
        check(a, "$[5:]", "[5,6,7,8,9]");
        check(a, "$[: +3]", "[0,1,2]");
        check(a, "$[ : : 2 ]", "[0,2,4,6,8]");
        check(a, "$[6:0:-2]", "[6,4,2]");
        check(a, "$[6::-1]", "[]");
        check(a, "$[-10,-5,-6]", "[0,5,4]");
        check(a, "$[0,1,5,0,1,2]", "[0,1,5,0,1,2]");
        check(a, "$[-10,-9,-8,0,1,2,-1000,1000]", "[0,1,2,0,1,2]");
        for (String bad : List.of("$[0,1,2:4]", "$[0:2,3,4]", "$[0,,4]", "$[,4]", "$[4,]", "$[,]", "$[0,4,]", "$[::0]")) {
            assertTrue(reply(a, bad).startsWith("SYNTAXERR"), bad + " → " + reply(a, bad));
        }
    }

    @Test
    void theRestrictedSyntaxAnswersOneValueOrAnError() {
        check(WIKI, "$.address.*", "[\"21 2nd Street\",\"New York\",\"NY\",\"10021-3100\"]");
        check(WIKI, ".address.*", "\"21 2nd Street\"");
        check(WIKI, ".phoneNumbers[*].type", "\"home\"");
        check(WIKI, "$.phoneNumbers[*].type", "[\"home\",\"office\"]");
        check(WIKI, ".[\"phoneNumbers\"][ -1 ][ \"type\" ]", "\"office\"");
        check(WIKI, "age", "27");
        check(WIKI, "$.phoneNumbers[2].type", "[]");
        check(WIKI, "$.firstName[-1]", "[]");
        check(WIKI, ".phoneNumbers[2].type", "OUTOFBOUNDARIES Array index is out of bounds");
        check(WIKI, ".firstName[-1]", "WRONGTYPE JSON element is not an array");
        check(WIKI, ".nothing", "NONEXISTENT JSON path does not exist");
        check(WIKI, "$.nothing", "[]");
        check(WIKI, "$.phoneNumbers[?(@.type>)]", "SYNTAXERR Invalid number");
        check(WIKI, "$.", "SYNTAXERR Invalid object member name");
    }

    @Test
    void theMatchesAgreeWithAReplyOnlyWhenTheyAreExactlyIt() {
        JsonNode doc = JsonValues.parse(PlayerSession.sample(java.time.Instant.EPOCH).toJson().toString()).orElseThrow();
        PathSelection s = PathSelector.select(doc, "$.inventory[?(@.qty>1)].name");
        assertEquals(List.of("/inventory/0/name", "/inventory/3/name"), s.matches().stream().map(PathSelection.Match::pointer).toList());
        assertTrue(s.agrees("[\"Healing Potion\",\"Mana Elixir\"]"));
        assertFalse(s.agrees("[\"Mana Elixir\",\"Healing Potion\"]"), "order matters");
        assertFalse(s.agrees("[\"Healing Potion\"]"));
        PathSelection one = PathSelector.select(doc, ".inventory[*].qty");
        assertEquals(List.of("/inventory/0/qty"), one.matches().subList(0, 1).stream().map(PathSelection.Match::pointer).toList());
        assertTrue(one.agrees("3") && one.agrees("3.0"), "numbers compare by value");
        assertEquals(List.of("/name", "/inventory/0/name", "/inventory/1/name", "/inventory/2/name", "/inventory/3/name"),
                PathSelector.select(doc, "$..name").matches().stream().map(PathSelection.Match::pointer).toList());
    }
}
