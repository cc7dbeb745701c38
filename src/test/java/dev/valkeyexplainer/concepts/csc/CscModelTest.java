package dev.valkeyexplainer.concepts.csc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pure pieces: tracking options, CLIENT LIST and TRACKINGINFO parsing, latency bins. */
class CscModelTest {

    @Test
    void trackingModesBuildTheCommandsTheServerExpects() {
        TrackingMode d = TrackingMode.defaults("vx:csc:player:");
        assertEquals(List.of("CLIENT", "TRACKING", "ON", "REDIRECT", "7"), d.onArgs(7));
        assertEquals(List.of("CLIENT", "TRACKING", "ON", "REDIRECT", "7", "BCAST", "PREFIX", "vx:csc:player:", "NOLOOP"),
                d.withBcast(true).withNoloop(true).onArgs(7));
        assertEquals(List.of("CLIENT", "TRACKING", "ON", "REDIRECT", "7", "OPTIN"), d.withOptin(true).onArgs(7));
        assertTrue(d.covers("vx:csc:motd"));
        assertFalse(d.withBcast(true).covers("vx:csc:motd"));
        assertThrows(IllegalArgumentException.class, () -> new TrackingMode(true, "p:", false, true));
        assertFalse(d.withOptin(true).withBcast(true).optin(), "switching to BCAST drops OPTIN");
    }

    @Test
    void clientListLinesGiveFlagsAndRedirect() {
        String reply = "id=4 addr=127.0.0.1:1 laddr=127.0.0.1:2 fd=8 name=vx-conn-0 age=3 idle=0 flags=P db=0 sub=1 psub=0"
                + " ssub=0 multi=-1 watch=0 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0"
                + " tot-mem=1 events=r cmd=subscribe user=default redir=-1 resp=2 lib-name= lib-ver=\n"
                + "id=6 addr=127.0.0.1:3 name=vx-conn-1 flags=tB sub=0 cmd=client|tracking redir=4 resp=3\n"
                + "not a client line\n";
        Map<Long, ClientList.Row> rows = ClientList.parse(reply);
        assertEquals(2, rows.size());
        ClientList.Row c0 = rows.get(4L);
        assertEquals("vx-conn-0", c0.name());
        assertEquals(1, c0.subscriptions());
        assertEquals(2, c0.resp());
        assertFalse(c0.tracking());
        ClientList.Row c1 = rows.get(6L);
        assertTrue(c1.tracking() && c1.bcast() && !c1.brokenRedirect());
        assertEquals(4, c1.redirect());
        assertTrue(ClientList.parse("id=9 flags=tR redir=4").get(9L).brokenRedirect());
    }

    @Test
    void trackingInfoReadsAsOneLineFromRespThreeOrTwo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flags", new java.util.HashSet<>(List.of("on", "bcast")));
        m.put("redirect", 4L);
        m.put("prefixes", new Object[]{"vx:csc:player:"});
        assertEquals("flags bcast on · redirect 4 · prefixes vx:csc:player:", TrackingReading.format(m));
        assertEquals("flags off · redirect -1 · prefixes none",
                TrackingReading.format(new Object[]{"flags", new Object[]{"off"}, "redirect", -1L, "prefixes", new Object[0]}));
    }

    @Test
    void latencyBinsAreOnALogScaleFromTenNanosecondsToAHundredMilliseconds() {
        assertEquals(0, LatencyLog.bin(5));
        assertEquals(1, LatencyLog.bin(10));
        assertEquals(4, LatencyLog.bin(150)); // [100, 200)
        assertEquals(LatencyLog.EDGES_NANOS.length, LatencyLog.bin(10_000_000_000L));
        assertEquals(100_000_000L, LatencyLog.EDGES_NANOS[LatencyLog.EDGES_NANOS.length - 1]);
        LatencyLog log = new LatencyLog();
        for (int i = 1; i <= 100; i++) log.local(i * 10L);
        log.remote(250_000);
        LatencyLog.Snapshot s = log.snapshot();
        assertEquals(500, s.localP50());
        assertEquals(990, s.localP99());
        assertEquals(250_000, s.remoteP50());
        assertEquals("420 ns", LatencyLog.format(420));
        assertEquals("3.5 µs", LatencyLog.format(3_500));
        assertEquals("258 µs", LatencyLog.format(258_000));
        assertEquals("1.4 ms", LatencyLog.format(1_400_000));
    }
}
