package dev.valkeyexplainer.valkey.hll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decoder and the hash against what a real valkey-server stores. */
class HllIT {

    private static ManagedValkeyServer server;
    private static ValkeyGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        server = ManagedValkeyServer.start();
        gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal());
        assertTrue(gateway.connect(server.target()).get(10, TimeUnit.SECONDS).connected());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        server.close();
    }

    private static <T> T send(ValkeyCall<T> call) throws Exception {
        return gateway.send("test", "main", call).get(10, TimeUnit.SECONDS);
    }

    private static HllState read(String key) throws Exception {
        return HllDecoder.decode(send(Commands.getBytes(key)));
    }

    private static void addAll(String key, List<String> names) throws Exception {
        for (int i = 0; i < names.size(); i += 500) {
            List<String> chunk = names.subList(i, Math.min(names.size(), i + 500));
            send(Commands.pfadd(key, chunk.toArray(String[]::new)));
        }
    }

    private static List<String> randomNames(Random rnd, int n) {
        List<String> out = new ArrayList<>();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:é漢字🙂";
        for (int i = 0; i < n; i++) {
            int len = rnd.nextInt(41); // 0..40: every tail length of the 8-byte blocks, and the empty string
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < len; j++) sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            out.add(sb.toString());
        }
        return out;
    }

    private static int[] expectedRegisters(List<String> names) {
        int[] regs = new int[HllHash.REGISTERS];
        for (String n : names) {
            HllHash h = HllHash.of(n);
            regs[h.index()] = Math.max(regs[h.index()], h.value());
        }
        return regs;
    }

    @Test
    void aFewAddsStaySparseAndEveryRegisterMatchesTheJavaHash() throws Exception {
        List<String> names = List.of("alice", "bob", "carol", "doris", "", "a much longer user name than eight bytes");
        send(Commands.pfadd("vx:t:few", names.toArray(String[]::new)));
        HllState s = read("vx:t:few");
        assertEquals(HllState.Encoding.SPARSE, s.encoding());
        assertTrue(s.byteLength() < 100, "a sparse HLL of 6 names is tiny: " + s.byteLength());
        assertArrayEquals(expectedRegisters(names), s.registers());
        for (String n : names) {
            HllHash h = HllHash.of(n);
            assertTrue(s.register(h.index()) >= h.value(), n);
        }
        assertEquals(send(Commands.pfcount("vx:t:few")), s.estimate());
        assertEquals(6, s.estimate());
    }

    @Test
    void manyRandomNamesMatchRegisterForRegisterInSparseAndDenseForm() throws Exception {
        Random rnd = new Random(42);
        List<String> names = new ArrayList<>();
        boolean sawSparse = false;
        for (int round = 0; round < 8; round++) {
            List<String> more = randomNames(rnd, round < 4 ? 150 : 3_000);
            names.addAll(more);
            addAll("vx:t:many", more);
            HllState s = read("vx:t:many");
            sawSparse |= s.encoding() == HllState.Encoding.SPARSE;
            assertArrayEquals(expectedRegisters(names), s.registers(), "after " + names.size() + " names, " + s.encoding());
            assertEquals((long) send(Commands.pfcount("vx:t:many")), s.estimate(), "estimate after " + names.size());
        }
        HllState end = read("vx:t:many");
        assertTrue(sawSparse, "the first rounds were sparse");
        assertEquals(HllState.Encoding.DENSE, end.encoding());
        assertEquals(12_304, end.byteLength());
        assertTrue(end.cacheValid(), "PFCOUNT cached the cardinality in the header");
        assertEquals(end.estimate(), end.cachedCardinality());
    }

    @Test
    void theEstimateRecomputedFromTheRegistersEqualsPfcountAtManySizes() throws Exception {
        List<String> batch = new ArrayList<>();
        int added = 0;
        for (int target : new int[]{1, 10, 100, 1_000, 5_000, 20_000, 60_000}) {
            batch.clear();
            while (added < target) batch.add("user:" + added++);
            addAll("vx:t:sizes", batch);
            HllState s = read("vx:t:sizes");
            long pfcount = send(Commands.pfcount("vx:t:sizes"));
            assertEquals(pfcount, s.estimate(), "at " + target + " (" + s.encoding() + ")");
            assertTrue(Math.abs(pfcount - target) <= Math.max(2, target * 0.03), "estimate " + pfcount + " for " + target);
        }
    }

    @Test
    void pfmergeIsTheRegisterByRegisterMaximum() throws Exception {
        send(Commands.pfadd("vx:t:g1", "alice", "bob", "carol"));
        send(Commands.pfadd("vx:t:g2", "alice", "doris"));
        send(Commands.pfmerge("vx:t:all", "vx:t:g1", "vx:t:g2"));
        int[] a = read("vx:t:g1").registers();
        int[] b = read("vx:t:g2").registers();
        int[] merged = read("vx:t:all").registers();
        int[] max = new int[a.length];
        for (int i = 0; i < a.length; i++) max[i] = Math.max(a[i], b[i]);
        assertArrayEquals(max, merged);
        assertEquals(4L, send(Commands.pfcount("vx:t:all")));

        List<String> big = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) big.add("p" + i);
        addAll("vx:t:big", big);
        send(Commands.pfmerge("vx:t:all2", "vx:t:big", "vx:t:g1"));
        int[] bigRegs = read("vx:t:big").registers();
        int[] merged2 = read("vx:t:all2").registers();
        for (int i = 0; i < a.length; i++) assertEquals(Math.max(bigRegs[i], a[i]), merged2[i], "register " + i);
    }

    @Test
    void addingTheSameNameAgainChangesNothing() throws Exception {
        assertEquals(true, send(Commands.pfadd("vx:t:again", "alice")));
        HllState before = read("vx:t:again");
        assertEquals(false, send(Commands.pfadd("vx:t:again", "alice")));
        assertArrayEquals(before.registers(), read("vx:t:again").registers());
    }

    @Test
    void foreignAndCorruptValuesAreRejectedWithAMessage() throws Exception {
        send(Commands.set("vx:t:string", "just a string"));
        var e = assertThrows(HllDecoder.NotAHyperLogLog.class, () -> read("vx:t:string"));
        assertTrue(e.getMessage().contains("HYLL magic"), e.getMessage());
        assertThrows(HllDecoder.NotAHyperLogLog.class, () -> read("vx:t:missing"));

        send(Commands.pfadd("vx:t:ok", "alice", "bob"));
        byte[] raw = send(Commands.getBytes("vx:t:ok"));
        byte[] truncated = Arrays.copyOf(raw, raw.length - 1);
        assertTrue(assertThrows(HllDecoder.NotAHyperLogLog.class, () -> HllDecoder.decode(truncated)).getMessage().contains("Corrupt"));
        byte[] badEncoding = raw.clone();
        badEncoding[4] = 7;
        assertTrue(assertThrows(HllDecoder.NotAHyperLogLog.class, () -> HllDecoder.decode(badEncoding)).getMessage().contains("encoding 7"));
        byte[] shortDense = raw.clone();
        shortDense[4] = 0;
        assertTrue(assertThrows(HllDecoder.NotAHyperLogLog.class, () -> HllDecoder.decode(shortDense)).getMessage().contains("dense"));
    }
}
