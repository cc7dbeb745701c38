package dev.valkeyexplainer.app.bench;

import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./bench}: measures each performance figure of the app beside its floor or peer, in the same
 * run, alternating pair by pair, and prints the table with ratios (no pass/fail):
 * <ul>
 *   <li>launch → first frame with live server data, vs an empty JavaFX app launched the same way;</li>
 *   <li>GET p50 through the gateway, vs a bare Glide client on the same server;</li>
 *   <li>the 1,000,000-user experiment (PFADD + SADD), vs valkey-benchmark -P 64 with the same commands;</li>
 *   <li>frame pacing per concept (every registered concept, its scenario running): p50, p99, share of
 *       pulses over 20 ms, worst;</li>
 *   <li>the screenshot mode's time per picture, and peak resident memory vs the empty app.</li>
 * </ul>
 * Child JVMs get the same options as {@code ./run} (passed in {@code VX_JVM_OPTS}). Usage:
 * {@code ./bench [seconds per concept, default 8] [launch pairs, default 5]}.
 */
public final class Benchmarks {

    private static final List<String> rows = new ArrayList<>();

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.println("Valkey Explainer benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.version") + ")");

        // 1. launch → first frame, alternating app / app with an AppCDS archive / empty
        Path jsa = Files.createTempDirectory("vx-bench-cds").resolve("app.jsa");
        child(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), "app"); // writes it
        List<Double> app = new ArrayList<>();
        List<Double> cds = new ArrayList<>();
        List<Double> empty = new ArrayList<>();
        long emptyRss = 0;
        for (int i = 0; i < pairs; i++) {
            app.add(child(List.of(), "app").firstFrameMs);
            if (Files.exists(jsa)) cds.add(child(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off"), "app").firstFrameMs);
            Child e = child(List.of(), "empty");
            empty.add(e.firstFrameMs);
            emptyRss = Math.max(emptyRss, e.rssKb);
        }
        row("launch → first frame with live data (median of " + pairs + ")", ms(median(app)), "empty JavaFX app "
                + ms(median(empty)), median(app) / median(empty), "≤ 1.3×");
        if (!cds.isEmpty()) {
            row("  the same with ./run's class-data archive (AppCDS)", ms(median(cds)), "empty JavaFX app " + ms(median(empty)),
                    median(cds) / median(empty), "≤ 1.3×");
        }

        // 2 and 3: the gateway and the experiment, on one sandbox server
        try (ManagedValkeyServer server = ManagedValkeyServer.start();
             ValkeyGateway gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal())) {
            gateway.connect(server.target()).get(15, TimeUnit.SECONDS);
            getRoundTrips(server, gateway);
            experiment(server);
        }

        // 4. frame pacing and peak memory
        Child frames = child(List.of(), "frames", Integer.toString(seconds));
        long before = -1;
        for (String f : frames.frames) {
            String[] p = f.split(" ");
            if (p[1].equals("semantic") && p.length > 8) before = Long.parseLong(p[8]); // resident before the model loads
            row("frames, " + p[1] + " with its scenario (" + p[2] + " pulses)", "p99 " + p[4] + " ms",
                    "p50 " + p[3] + " ms, " + p[5] + " % over 20 ms, worst " + p[6] + " ms" + ("0".equals(p[7]) ? ""
                            : ", " + p[7] + " steps failed"), Double.NaN, "p99 ≤ 20 ms, < 1 % over 20, none over 100");
        }
        if (before > 0) {
            row("peak resident memory before the embedding model loads", mb(before), "empty app " + mb(emptyRss),
                    (double) before / emptyRss, "≤ 400 MB");
        }
        row("peak resident memory after every concept and scenario", mb(frames.rssKb), "empty app " + mb(emptyRss),
                (double) frames.rssKb / emptyRss, "(with the model)");

        // 5. the screenshot mode
        screenshots();

        System.out.println();
        System.out.println(String.format(Locale.ROOT, "%-62s | %-18s | %-44s | %-7s | %s", "figure", "app", "floor / peer",
                "ratio", "goal"));
        System.out.println("-".repeat(160));
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static void getRoundTrips(ManagedValkeyServer server, ValkeyGateway gateway) throws Exception {
        var t = server.target();
        var cfg = GlideClientConfiguration.builder().address(NodeAddress.builder().host(t.host()).port(t.port()).build())
                .credentials(ServerCredentials.builder().password(t.password()).build()).protocol(ProtocolVersion.RESP3)
                .requestTimeout(2_000).build();
        try (GlideClient bare = GlideClient.createClient(cfg).get(10, TimeUnit.SECONDS)) {
            ValkeyGateway.Scope s = gateway.scope("bench", "bench");
            s.send(Commands.set("vx:bench:k", "v")).get();
            List<Long> viaGateway = new ArrayList<>();
            List<Long> viaBare = new ArrayList<>();
            for (int round = 0; round < 20; round++) { // alternating rounds, so both see the same machine
                for (int i = 0; i < 250; i++) {
                    long t0 = System.nanoTime();
                    s.send(Commands.get("vx:bench:k")).get();
                    viaGateway.add(System.nanoTime() - t0);
                }
                for (int i = 0; i < 250; i++) {
                    long t0 = System.nanoTime();
                    bare.get("vx:bench:k").get();
                    viaBare.add(System.nanoTime() - t0);
                }
            }
            double g = medianL(viaGateway.subList(1_000, viaGateway.size())) / 1e3; // the first rounds warm the JIT
            double b = medianL(viaBare.subList(1_000, viaBare.size())) / 1e3;
            row("GET p50 through the gateway (journal on)", String.format(Locale.ROOT, "%.0f µs", g),
                    String.format(Locale.ROOT, "bare Glide GET %.0f µs", b), g / b, "≤ 1.15×");
            gateway.resetNamespace("bench").get();
        }
    }

    private static void experiment(ManagedValkeyServer server) throws Exception {
        // the app's experiment, as ./bench has always run it (HllBenchmark prints "(N users/s, …")
        Process p = javaProcess(List.of("dev.valkeyexplainer.concepts.hll.HllBenchmark", "1000000"));
        double appRate = Double.NaN;
        for (String line : lines(p)) {
            Matcher m = Pattern.compile("\\(([\\d,]+) users/s").matcher(line);
            if (m.find()) appRate = Double.parseDouble(m.group(1).replace(",", ""));
        }
        p.waitFor(10, TimeUnit.MINUTES);
        // the peer: valkey-benchmark with the same two commands per user, 64 in flight
        Path cli = ManagedValkeyServer.findBinary().orElseThrow().resolveSibling("valkey-benchmark");
        double pfadd = benchmarkRate(cli, server, "PFADD", "vx:bench:peer:hll");
        double sadd = benchmarkRate(cli, server, "SADD", "vx:bench:peer:set");
        double peer = 1 / (1 / pfadd + 1 / sadd); // users/s when each user costs one PFADD and one SADD
        row("1 M-user experiment (PFADD + SADD), journal on", String.format(Locale.ROOT, "%,.0f users/s", appRate),
                String.format(Locale.ROOT, "valkey-benchmark -P 64 %,.0f users/s", peer), appRate / peer, "≥ 0.9×");
    }

    private static double benchmarkRate(Path cli, ManagedValkeyServer server, String cmd, String key) throws Exception {
        Process p = new ProcessBuilder(cli.toString(), "-h", "127.0.0.1", "-p", Integer.toString(server.port()), "-a",
                server.target().password(), "-P", "64", "-n", "1000000", "-r", "100000000", "-q", cmd,
                key, "user:__rand_int__").redirectErrorStream(true).start();
        double rate = Double.NaN;
        for (String line : lines(p)) {
            Matcher m = Pattern.compile("([\\d.]+) requests per second").matcher(line);
            if (m.find()) rate = Double.parseDouble(m.group(1));
        }
        p.waitFor(5, TimeUnit.MINUTES);
        return rate;
    }

    private static void screenshots() throws Exception {
        Path dir = Files.createTempDirectory("vx-bench-shots");
        long t0 = System.nanoTime();
        Process p = javaProcess(List.of("dev.valkeyexplainer.app.Launcher", "--screenshots", dir.toString()));
        lines(p);
        p.waitFor(15, TimeUnit.MINUTES);
        double secs = (System.nanoTime() - t0) / 1e9;
        long pictures;
        try (var files = Files.list(dir)) {
            pictures = files.filter(f -> f.toString().endsWith(".png")).count();
        }
        row("--screenshots, all pictures (" + pictures + ")", String.format(Locale.ROOT, "%.1f s", secs),
                String.format(Locale.ROOT, "%.2f s per picture", secs / Math.max(1, pictures)), Double.NaN, "≤ 3 s per picture");
    }

    /** A child JVM running {@link Probe} in a mode; reads its lines and the time to FIRST_FRAME. */
    private static Child child(List<String> jvmOptions, String... probeArgs) throws Exception {
        List<String> args = new ArrayList<>(jvmOptions);
        args.add(Probe.class.getName());
        args.addAll(Arrays.asList(probeArgs));
        long t0 = System.nanoTime();
        Process p = javaProcess(args);
        Child c = new Child();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("FIRST_FRAME")) c.firstFrameMs = (System.nanoTime() - t0) / 1e6;
                else if (line.startsWith("RSS ")) c.rssKb = Long.parseLong(line.substring(4).trim());
                else if (line.startsWith("FRAMES ")) c.frames.add(line);
            }
        }
        p.waitFor(20, TimeUnit.MINUTES);
        return c;
    }

    private static final class Child {
        double firstFrameMs = Double.NaN;
        long rssKb = -1;
        final List<String> frames = new ArrayList<>();
    }

    /** A child JVM: options from VX_JVM_OPTS, then {@code rest} (extra JVM options, then the main class and its arguments). */
    private static Process javaProcess(List<String> rest) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv("VX_JVM_OPTS");
        if (opts != null && !opts.isBlank()) cmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
        cmd.add("-Dglide.autoShutdownHook=false");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        int main = 0;
        while (main < rest.size() && rest.get(main).startsWith("-")) main++;
        cmd.addAll(cmd.size() - 2, rest.subList(0, main)); // JVM options before -cp
        cmd.addAll(rest.subList(main, rest.size()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static List<String> lines(Process p) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) out.add(line);
        }
        return out;
    }

    private static void row(String figure, String app, String peer, double ratio, String goal) {
        String line = String.format(Locale.ROOT, "%-62s | %-18s | %-44s | %-7s | %s", figure, app, peer,
                Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f×", ratio), goal);
        rows.add(line);
        System.out.println(line);
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static double medianL(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f s", v / 1000);
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }
}
