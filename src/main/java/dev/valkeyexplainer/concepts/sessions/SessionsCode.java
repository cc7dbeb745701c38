package dev.valkeyexplainer.concepts.sessions;

import static dev.valkeyexplainer.valkey.GlidePython.str;
import static dev.valkeyexplainer.valkey.JournalFormat.javaString;

import dev.valkeyexplainer.concept.Snippet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The code panel's Glide code for each step, in Java ({@code glide.api.commands.servermodules.Json})
 * and Python ({@code glide_json}, {@code from glide import glide_json}; GLIDE 1.x called it
 * {@code glide.async_commands.server_modules.json}), with the keys and values the step used. It shows
 * the module's API whichever engine ran; on a server without valkey-json a first comment says that the
 * app sent the same arguments to the Lua stand-in instead. {@code SessionsCodeTest} checks that both
 * languages call the same commands.
 */
final class SessionsCode {

    private SessionsCode() {
    }

    private static Snippet of(boolean module, String java, String python) {
        if (module) return Snippet.of(java, python);
        return Snippet.of("""
                // This server has no valkey-json: the app sent these same arguments to the Lua
                // stand-in (FCALL vx_json_set / vx_json_get / …, see the journal). With the module:
                """ + java, """
                # This server has no valkey-json: the app sent these same arguments to the Lua
                # stand-in (FCALL vx_json_set / vx_json_get / ..., see the journal). With the module:
                """ + python);
    }

    static Snippet intro(boolean module) {
        return of(module, """
                String id = UUID.randomUUID().toString();          // the session id
                client.hset("vx:session:{" + id + "}", Map.of("email", "alice@example.com", "age", "27")).get();
                Map<String, String> session = client.hgetall("vx:session:{" + id + "}").get();
                Json.set(client, "vx:session:{" + id + "}:json", "$", "{\\"email\\":\\"alice@example.com\\",\\"age\\":27}").get();
                String email = Json.get(client, "vx:session:{" + id + "}:json", new String[]{"$.email"}).get();""", """
                from glide import glide_json
                session_id = str(uuid.uuid4())
                await client.hset(f"vx:session:{{{session_id}}}", {"email": "alice@example.com", "age": "27"})
                session = await client.hgetall(f"vx:session:{{{session_id}}}")
                await glide_json.set(client, f"vx:session:{{{session_id}}}:json", "$", '{"email":"alice@example.com","age":27}')
                email = await glide_json.get(client, f"vx:session:{{{session_id}}}:json", "$.email")""");
    }

    static Snippet create(boolean module, String hk, String jk, Map<String, String> fields, String doc) {
        String javaMap = fields.entrySet().stream().map(e -> javaString(e.getKey()) + ", " + javaString(e.getValue()))
                .collect(Collectors.joining(",\n    ", "Map.of(\n    ", ")"));
        String pyMap = fields.entrySet().stream().map(e -> str(e.getKey()) + ": " + str(e.getValue()))
                .collect(Collectors.joining(",\n    ", "{\n    ", "}"));
        return of(module, "client.hset(" + javaString(hk) + ", " + javaMap + ").get();\n"
                        + "Json.set(client, " + javaString(jk) + ", \"$\", " + javaString(doc) + ").get();",
                "await client.hset(" + str(hk) + ", " + pyMap + ")\n"
                        + "await glide_json.set(client, " + str(jk) + ", \"$\", " + str(doc) + ")");
    }

    static Snippet setField(boolean module, String hk, String jk, String field, String path, String json, String text) {
        return of(module, "Json.set(client, " + javaString(jk) + ", " + javaString(path) + ", " + javaString(json) + ").get();\n"
                        + "client.hset(" + javaString(hk) + ", Map.of(" + javaString(field) + ", " + javaString(text) + ")).get();",
                "await glide_json.set(client, " + str(jk) + ", " + str(path) + ", " + str(json) + ")\n"
                        + "await client.hset(" + str(hk) + ", {" + str(field) + ": " + str(text) + "})");
    }

    static Snippet increment(boolean module, String hk, String jk, String field, String path, Number by) {
        boolean whole = by instanceof Long;
        return of(module, "String level = Json.numincrby(client, " + javaString(jk) + ", " + javaString(path) + ", " + by + ").get();\n"
                        + (whole ? "client.hincrBy(" + javaString(hk) + ", " + javaString(field) + ", " + by + "L).get();"
                        : "client.hincrByFloat(" + javaString(hk) + ", " + javaString(field) + ", " + by + ").get();"),
                "level = await glide_json.numincrby(client, " + str(jk) + ", " + str(path) + ", " + by + ")\n"
                        + (whole ? "await client.hincrby(" + str(hk) + ", " + str(field) + ", " + by + ")"
                        : "await client.hincrbyfloat(" + str(hk) + ", " + str(field) + ", " + by + ")"));
    }

    static Snippet addItem(boolean module, String hk, String jk, String item) {
        return of(module, "// JSON: one atomic command on the server\n"
                        + "Json.arrappend(client, " + javaString(jk) + ", \"$.inventory\", new String[]{" + javaString(item) + "}).get();\n"
                        + "// Hash: read the serialised field, change it in the app, write it all back\n"
                        + "// (two round trips; a write in between is lost unless you WATCH it or use Lua)\n"
                        + "ArrayNode inv = (ArrayNode) mapper.readTree(client.hget(" + javaString(hk) + ", \"inventory\").get());\n"
                        + "inv.add(mapper.readTree(" + javaString(item) + "));\n"
                        + "client.hset(" + javaString(hk) + ", Map.of(\"inventory\", inv.toString())).get();",
                "# JSON: one atomic command on the server\n"
                        + "await glide_json.arrappend(client, " + str(jk) + ", \"$.inventory\", [" + str(item) + "])\n"
                        + "# Hash: read the serialised field, change it in the app, write it all back\n"
                        + "inv = json.loads(await client.hget(" + str(hk) + ", \"inventory\"))\n"
                        + "inv.append(json.loads(" + str(item) + "))\n"
                        + "await client.hset(" + str(hk) + ", {\"inventory\": json.dumps(inv)})");
    }

    static Snippet replace(boolean module, String hk, String jk) {
        return of(module, "Json.set(client, " + javaString(jk) + ", \"$\", document).get();\n"
                        + "Batch tx = new Batch(true).del(new String[]{" + javaString(hk) + "}).hset(" + javaString(hk) + ", fields);\n"
                        + "client.exec(tx, true).get();   // MULTI, DEL, HSET, EXEC",
                "await glide_json.set(client, " + str(jk) + ", \"$\", document)\n"
                        + "tx = Batch(is_atomic=True)\ntx.delete([" + str(hk) + "])\ntx.hset(" + str(hk) + ", fields)\n"
                        + "await client.exec(tx, raise_on_error=True)   # MULTI, DEL, HSET, EXEC");
    }

    static Snippet query(boolean module, String hk, String jk, String path) {
        return of(module, "String reply = Json.get(client, " + javaString(jk) + ", new String[]{" + javaString(path) + "}).get();\n"
                        + "// the Hash cannot look inside a field: fetch it all, filter in the app\n"
                        + "Map<String, String> all = client.hgetall(" + javaString(hk) + ").get();",
                "reply = await glide_json.get(client, " + str(jk) + ", " + str(path) + ")\n"
                        + "# the Hash cannot look inside a field: fetch it all, filter in the app\n"
                        + "everything = await client.hgetall(" + str(hk) + ")");
    }

    static Snippet wire(boolean module, String hk, String jk) {
        String filter = WireExperiment.FILTER;
        return of(module, "String legendary = Json.get(client, " + javaString(jk) + ", new String[]{" + javaString(filter) + "}).get();\n"
                        + "Map<String, String> all = client.hgetall(" + javaString(hk) + ").get();   // then parse + filter\n"
                        + "String inventory = client.hget(" + javaString(hk) + ", \"inventory\").get(); // then parse + filter",
                "legendary = await glide_json.get(client, " + str(jk) + ", " + str(filter) + ")\n"
                        + "everything = await client.hgetall(" + str(hk) + ")   # then parse + filter\n"
                        + "inventory = await client.hget(" + str(hk) + ", \"inventory\")   # then parse + filter");
    }

    static Snippet memory(String key) {
        return Snippet.of("Map<String, String> limits = client.configGet(new String[]{\"hash-max-listpack-*\"}).get();\n"
                        + "for (int i = 1; i <= limit + 24; i++) {\n"
                        + "    client.hset(" + javaString(key) + ", Map.of(\"field:\" + i, \"v\" + i)).get();\n"
                        + "    Object bytes = client.customCommand(new String[]{\"MEMORY\", \"USAGE\", " + javaString(key)
                        + ", \"SAMPLES\", \"0\"}).get();\n"
                        + "    String encoding = client.objectEncoding(" + javaString(key) + ").get();   // listpack → hashtable\n"
                        + "}   // (the app pipelines all of it: one round trip)",
                "limits = await client.config_get([\"hash-max-listpack-*\"])\n"
                        + "for i in range(1, limit + 25):\n"
                        + "    await client.hset(" + str(key) + ", {f\"field:{i}\": f\"v{i}\"})\n"
                        + "    size = await client.custom_command([\"MEMORY\", \"USAGE\", " + str(key) + ", \"SAMPLES\", \"0\"])\n"
                        + "    encoding = await client.object_encoding(" + str(key) + ")   # listpack -> hashtable\n"
                        + "# (the app pipelines all of it: one round trip)");
    }
}
