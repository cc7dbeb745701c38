package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import dev.valkeyexplainer.valkey.hll.HllDecoder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;

/**
 * {@code ./bench}: prints the figures behind the HyperLogLog tab's performance claims, measured on
 * this machine against a sandbox server: the 1,000,000-user experiment's wall time, one GET round
 * trip, decoding a dense value, and one full redraw of the 16,384-cell grid on the FX thread.
 */
public final class HllBenchmark {

    private HllBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long users = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (ManagedValkeyServer server = ManagedValkeyServer.start();
             ValkeyGateway gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal())) {
            gateway.connect(server.target()).get(15, TimeUnit.SECONDS);
            ValkeyGateway.Scope s = gateway.scope("bench", "bench");

            long[] rtt = new long[2_000];
            s.send(Commands.set("vx:bench:k", "v")).get();
            for (int i = 0; i < rtt.length; i++) {
                long t = System.nanoTime();
                s.send(Commands.get("vx:bench:k")).get();
                rtt[i] = (System.nanoTime() - t) / 1_000;
            }
            Arrays.sort(rtt);
            System.out.printf(Locale.ROOT, "GET round trip through the gateway: p50 %d µs, p99 %d µs (%,d sequential)%n",
                    rtt[rtt.length / 2], rtt[rtt.length * 99 / 100], rtt.length);

            Experiment e = new Experiment(s, "vx:bench:hll", "vx:bench:set");
            long t0 = System.nanoTime();
            Experiment.Progress p = e.run(users, x -> { }).get(10, TimeUnit.MINUTES);
            double secs = (System.nanoTime() - t0) / 1e9;
            Experiment.Point last = p.last();
            System.out.printf(Locale.ROOT, "Experiment, %,d users: %.2f s in %d pipelines (%,.0f users/s, HyperLogLog and Set"
                            + " both); PFCOUNT %,d vs %,d (%+.3f%%); Set %s vs HyperLogLog %s%n", users, secs, p.points().size(),
                    users / secs, last.estimate(), last.exact(), 100 * last.relativeError(), HllView.bytes(p.setBytes()),
                    HllView.bytes(p.hllBytes()));

            byte[] raw = s.send(Commands.getBytes("vx:bench:hll")).get();
            int rounds = 2_000;
            long d0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) HllDecoder.decode(raw);
            System.out.printf(Locale.ROOT, "Decoding a dense HyperLogLog (%,d bytes): %.1f µs each%n", raw.length,
                    (System.nanoTime() - d0) / 1e3 / rounds);
            int[] registers = HllDecoder.decode(raw).registers();
            gateway.resetNamespace("bench").get();
            gridRedraw(registers);
        }
        System.exit(0);
    }

    /** Redraws the full grid 300 times on the FX thread (Monocle headless) and prints the cost of one. */
    private static void gridRedraw(int[] registers) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Platform.startup(() -> { });
        CompletableFuture<double[]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            RegisterGrid grid = new RegisterGrid(new SimpleObjectProperty<>(Palette.LIGHT));
            grid.resize(520, 520);
            grid.layout();
            Random rnd = new Random(1);
            for (int i = 0; i < 100; i++) grid.show(registers); // warm-up: JIT, first image upload
            int n = 300;
            long[] each = new long[n];
            for (int i = 0; i < n; i++) {
                registers[rnd.nextInt(registers.length)] = 1 + rnd.nextInt(20); // a change, so it is a real redraw
                long t = System.nanoTime();
                grid.show(registers);
                each[i] = System.nanoTime() - t;
            }
            Arrays.sort(each);
            result.complete(new double[]{each[n / 2] / 1e6, each[n * 99 / 100] / 1e6});
        });
        double[] ms = result.get(60, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "Register grid, full redraw of 16,384 cells on the FX thread: p50 %.2f ms, p99 %.2f ms"
                + " (a frame at 60 Hz is 16.7 ms)%n", ms[0], ms[1]);
        Platform.exit();
    }
}
