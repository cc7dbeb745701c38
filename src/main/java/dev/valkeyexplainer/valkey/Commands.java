package dev.valkeyexplainer.valkey;

import static dev.valkeyexplainer.valkey.JournalFormat.javaArray;
import static dev.valkeyexplainer.valkey.JournalFormat.javaString;

import glide.api.models.GlideString;
import glide.api.models.commands.SetOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Factories for the commands the tabs send. Each pairs the server-side arguments with the typed
 * Glide call that produces them, so what the journal shows is exactly what ran.
 */
public final class Commands {

    private Commands() {
    }

    /** Any read-only command, sent with {@code customCommand}. */
    public static ValkeyCall<Object> read(String... args) {
        return new ValkeyCall<>(List.of(args), List.of(), "client.customCommand(" + javaArray(List.of(args)) + ")",
                c -> c.custom(args));
    }

    /** Any command that writes the given keys, sent with {@code customCommand}. */
    public static ValkeyCall<Object> write(List<String> writtenKeys, String... args) {
        return new ValkeyCall<>(List.of(args), writtenKeys, "client.customCommand(" + javaArray(List.of(args)) + ")",
                c -> c.custom(args));
    }

    public static ValkeyCall<String> ping() {
        return new ValkeyCall<>(List.of("PING"), List.of(), "client.ping()", c -> c.custom(new String[]{"PING"})
                .thenApply(String::valueOf));
    }

    public static ValkeyCall<String> get(String key) {
        return new ValkeyCall<>(List.of("GET", key), List.of(), "client.get(" + javaString(key) + ")",
                c -> c.glide().get(key));
    }

    /** GET as raw bytes: values such as a HyperLogLog are not UTF-8 text. */
    public static ValkeyCall<byte[]> getBytes(String key) {
        return new ValkeyCall<>(List.of("GET", key), List.of(), "client.get(gs(" + javaString(key) + "))",
                c -> c.glide().get(GlideString.of(key)).thenApply(g -> g == null ? null : g.getBytes()));
    }

    public static ValkeyCall<String> set(String key, String value) {
        return new ValkeyCall<>(List.of("SET", key, value), List.of(key),
                "client.set(" + javaString(key) + ", " + javaString(value) + ")", c -> c.glide().set(key, value));
    }

    public static ValkeyCall<String> setEx(String key, String value, long seconds) {
        SetOptions opts = SetOptions.builder().expiry(SetOptions.Expiry.Seconds(seconds)).build();
        return new ValkeyCall<>(List.of("SET", key, value, "EX", Long.toString(seconds)), List.of(key),
                "client.set(" + javaString(key) + ", " + javaString(value)
                        + ", SetOptions.builder().expiry(Expiry.Seconds(" + seconds + "L)).build())",
                c -> c.glide().set(key, value, opts));
    }

    /** {@code SET key value NX PX ms}: the lock. The reply is "OK" when taken, null when someone holds it. */
    public static ValkeyCall<String> setIfAbsent(String key, String value, long millis) {
        SetOptions opts = SetOptions.builder().conditionalSetOnlyIfNotExist()
                .expiry(millis % 1000 == 0 ? SetOptions.Expiry.Seconds(millis / 1000) : SetOptions.Expiry.Milliseconds(millis)).build();
        List<String> args = millis % 1000 == 0 ? List.of("SET", key, value, "NX", "EX", Long.toString(millis / 1000))
                : List.of("SET", key, value, "NX", "PX", Long.toString(millis));
        String expiry = millis % 1000 == 0 ? "Expiry.Seconds(" + millis / 1000 + "L)" : "Expiry.Milliseconds(" + millis + "L)";
        return new ValkeyCall<>(args, List.of(key), "client.set(" + javaString(key) + ", " + javaString(value)
                + ",\n    SetOptions.builder().conditionalSetOnlyIfNotExist()\n        .expiry(" + expiry + ").build())",
                c -> c.glide().set(key, value, opts));
    }

    public static ValkeyCall<Boolean> pexpire(String key, long millis) {
        return new ValkeyCall<>(List.of("PEXPIRE", key, Long.toString(millis)), List.of(key),
                "client.pexpire(" + javaString(key) + ", " + millis + "L)", c -> c.glide().pexpire(key, millis));
    }

    /**
     * A Lua script through Glide's {@code invokeScript} (EVALSHA, loading the script on NOSCRIPT).
     * {@code keys} are the script's KEYS; those it may write must be in {@code writtenKeys}.
     */
    public static ValkeyCall<Object> script(glide.api.models.Script script, String scriptName, List<String> keys,
                                            List<String> args, List<String> writtenKeys) {
        List<String> argv = new ArrayList<>(List.of("EVALSHA", script.getHash(), Integer.toString(keys.size())));
        argv.addAll(keys);
        argv.addAll(args);
        var opts = glide.api.models.commands.ScriptOptions.builder().keys(keys).args(args).build();
        StringBuilder java = new StringBuilder("client.invokeScript(" + scriptName + ", ScriptOptions.builder()");
        for (String k : keys) java.append("\n    .key(").append(javaString(k)).append(")");
        for (String a : args) java.append("\n    .arg(").append(javaString(a)).append(")");
        java.append(".build())");
        return new ValkeyCall<>(argv, writtenKeys, java.toString(), c -> c.glide().invokeScript(script, opts));
    }

    public static ValkeyCall<Long> del(String... keys) {
        List<String> args = new ArrayList<>(List.of("DEL"));
        args.addAll(Arrays.asList(keys));
        return new ValkeyCall<>(args, List.of(keys), "client.del(" + javaArray(List.of(keys)) + ")",
                c -> c.glide().del(keys));
    }

    public static ValkeyCall<Long> unlink(String... keys) {
        List<String> args = new ArrayList<>(List.of("UNLINK"));
        args.addAll(Arrays.asList(keys));
        return new ValkeyCall<>(args, List.of(keys), "client.unlink(" + javaArray(List.of(keys)) + ")",
                c -> c.glide().unlink(keys));
    }

    /** UNLINK of key names as bytes (names that are not UTF-8 are shown with \\xNN escapes). */
    public static ValkeyCall<Long> unlinkBinary(List<GlideString> keys) {
        List<String> args = new ArrayList<>(List.of("UNLINK"));
        List<String> shown = new ArrayList<>();
        for (GlideString k : keys) shown.add(JournalFormat.bytesText(k.getBytes()));
        args.addAll(shown);
        GlideString[] arr = keys.toArray(GlideString[]::new);
        return new ValkeyCall<>(args, shown, "client.unlink(new GlideString[]{" + String.join(", ",
                shown.stream().map(k -> "gs(" + javaString(k) + ")").toList()) + "})", c -> c.glide().unlink(arr));
    }

    public static ValkeyCall<Long> ttl(String key) {
        return new ValkeyCall<>(List.of("TTL", key), List.of(), "client.ttl(" + javaString(key) + ")",
                c -> c.glide().ttl(key));
    }

    public static ValkeyCall<Boolean> pfadd(String key, String... elements) {
        List<String> args = new ArrayList<>(List.of("PFADD", key));
        args.addAll(Arrays.asList(elements));
        return new ValkeyCall<>(args, List.of(key),
                "client.pfadd(" + javaString(key) + ", " + javaArray(List.of(elements)) + ")",
                c -> c.glide().pfadd(key, elements));
    }

    public static ValkeyCall<Long> pfcount(String... keys) {
        List<String> args = new ArrayList<>(List.of("PFCOUNT"));
        args.addAll(Arrays.asList(keys));
        return new ValkeyCall<>(args, List.of(), "client.pfcount(" + javaArray(List.of(keys)) + ")",
                c -> c.glide().pfcount(keys));
    }

    public static ValkeyCall<String> pfmerge(String destination, String... sources) {
        List<String> args = new ArrayList<>(List.of("PFMERGE", destination));
        args.addAll(Arrays.asList(sources));
        return new ValkeyCall<>(args, List.of(destination),
                "client.pfmerge(" + javaString(destination) + ", " + javaArray(List.of(sources)) + ")",
                c -> c.glide().pfmerge(destination, sources));
    }

    public static ValkeyCall<Long> sadd(String key, String... members) {
        List<String> args = new ArrayList<>(List.of("SADD", key));
        args.addAll(Arrays.asList(members));
        return new ValkeyCall<>(args, List.of(key), "client.sadd(" + javaString(key) + ", " + javaArray(List.of(members)) + ")",
                c -> c.glide().sadd(key, members));
    }

    public static ValkeyCall<Long> scard(String key) {
        return new ValkeyCall<>(List.of("SCARD", key), List.of(), "client.scard(" + javaString(key) + ")",
                c -> c.glide().scard(key));
    }

    /** MEMORY USAGE has no typed Glide method. */
    public static ValkeyCall<Object> memoryUsage(String key) {
        return read("MEMORY", "USAGE", key, "SAMPLES", "0");
    }
}
