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
