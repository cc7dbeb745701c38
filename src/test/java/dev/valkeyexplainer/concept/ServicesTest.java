package dev.valkeyexplainer.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Services by type: made once, lazily, off the caller's thread; a failed start is tried again; closed at the end. */
class ServicesTest {

    static final class Thing implements AutoCloseable {
        final String thread = Thread.currentThread().getName();
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aServiceIsMadeOnceOnTheBlockingExecutorAndClosedWithTheServices() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Services s = new Services();
        s.register(Thing.class, () -> {
            made.incrementAndGet();
            return new Thing();
        });
        assertEquals(0, made.get(), "nothing starts before someone asks");
        Thing a = s.get(Thing.class).get(5, TimeUnit.SECONDS);
        Thing b = s.get(Thing.class).get(5, TimeUnit.SECONDS);
        assertSame(a, b);
        assertEquals(1, made.get());
        assertTrue(a.thread.startsWith("vx-blocking-"), a.thread);
        assertNotEquals(Thread.currentThread().getName(), a.thread);
        s.close();
        assertTrue(a.closed);
    }

    @Test
    void aFailedStartIsReportedAndTriedAgainOnTheNextRequest() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        try (Services s = new Services()) {
            s.register(Thing.class, () -> {
                if (tries.incrementAndGet() == 1) throw new IllegalStateException("first start fails");
                return new Thing();
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> s.get(Thing.class).get(5, TimeUnit.SECONDS));
            assertEquals("first start fails", e.getCause().getMessage());
            // the failed future is forgotten as soon as it completes; ask until the second start is used
            Thing t = null;
            for (int i = 0; i < 50 && t == null; i++) {
                try {
                    t = s.get(Thing.class).get(5, TimeUnit.SECONDS);
                } catch (ExecutionException again) {
                    Thread.onSpinWait();
                }
            }
            assertEquals(2, tries.get());
        }
    }
}
