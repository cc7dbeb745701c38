package dev.valkeyexplainer.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The game's database: a real embedded H2 database with a {@code players} table seeded with a few
 * thousand rows, real SQL, and a Java trigger on UPDATE. The one thing simulated is the network: each
 * read waits {@link #latencyMs()} first, standing in for a remote database (the UI labels it so).
 * Reads run on a small pool of "connections", so a burst of misses queues up like it would on a
 * real database.
 */
public final class GameDatabase implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GameDatabase.class);

    public static final int DEFAULT_PLAYERS = 5_000;
    public static final int DEFAULT_LATENCY_MS = 40;
    static final int POOL = 8;
    private static final Map<String, GameDatabase> BY_TRIGGER = new ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final String[] GUILDS = {"Dawnguard", "Iron Wolves", "Moonwardens", "Emberfall", "Stormcallers",
            "Silver Hand", "Night Owls", "Frostborn"};
    private static final String[] FIRST = {"Aria", "Brann", "Cael", "Dara", "Eryn", "Fenn", "Gwyn", "Hale", "Iris",
            "Jory", "Kael", "Lyra", "Mira", "Nox", "Orin", "Pax", "Quin", "Rhea", "Sol", "Tamsin", "Ulla", "Vex", "Wren",
            "Yara", "Zed"};

    private final String triggerName;
    private final Connection writer;
    private final String url;
    private final ExecutorService pool;
    private final ThreadLocal<Connection> readers;
    private final int players;
    private volatile int latencyMs = DEFAULT_LATENCY_MS;
    private volatile IntConsumer updateListener = id -> { };
    private final AtomicLong reads = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    public GameDatabase() {
        this(DEFAULT_PLAYERS);
    }

    public GameDatabase(int players) {
        this.players = players;
        int id = IDS.incrementAndGet();
        this.triggerName = "INVALIDATE_" + id;
        this.url = "jdbc:h2:mem:vx-game-" + id + "-" + ProcessHandle.current().pid() + ";DB_CLOSE_DELAY=-1";
        BY_TRIGGER.put(triggerName, this);
        try {
            writer = DriverManager.getConnection(url);
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE players (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, level INT NOT NULL,"
                        + " gold BIGINT NOT NULL, guild VARCHAR(40) NOT NULL, updated_at TIMESTAMP NOT NULL)");
            }
            seed();
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TRIGGER " + triggerName + " AFTER UPDATE ON players FOR EACH ROW CALL \""
                        + InvalidationTrigger.class.getName() + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the game database: " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(POOL, r -> {
            Thread t = new Thread(r, "vx-db-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        readers = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(url);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static GameDatabase byTriggerName(String name) {
        return BY_TRIGGER.get(name);
    }

    private void seed() throws SQLException {
        Random rnd = new Random(7);
        writer.setAutoCommit(false);
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO players VALUES (?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 1; i <= players; i++) {
                ps.setInt(1, i);
                ps.setString(2, FIRST[rnd.nextInt(FIRST.length)] + "_" + i);
                ps.setInt(3, 1 + rnd.nextInt(80));
                ps.setLong(4, rnd.nextInt(100_000));
                ps.setString(5, GUILDS[rnd.nextInt(GUILDS.length)]);
                ps.setTimestamp(6, now);
                ps.addBatch();
                if (i % 1_000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
        writer.commit();
        writer.setAutoCommit(true);
    }

    public int players() {
        return players;
    }

    public int latencyMs() {
        return latencyMs;
    }

    /** The simulated network delay added to every read (0 to 2,000 ms). */
    public void setLatencyMs(int ms) {
        latencyMs = Math.max(0, Math.min(2_000, ms));
    }

    /** Called by the trigger for every updated row (on the updating thread). */
    public void onRowUpdated(IntConsumer listener) {
        updateListener = listener;
    }

    void rowUpdated(int id) {
        try {
            updateListener.accept(id);
        } catch (RuntimeException e) {
            LOG.warn("a row-update listener failed", e); // it must not fail the UPDATE
        }
    }

    /** Reads one player: the simulated network delay, then a real SELECT, on the database pool. */
    public CompletableFuture<Player> load(int id) {
        return load(id, latencyMs);
    }

    public CompletableFuture<Player> load(int id, int delayMs) {
        inFlight.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (delayMs > 0) Thread.sleep(delayMs);
                reads.incrementAndGet();
                return select(id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            } finally {
                inFlight.decrementAndGet();
            }
        }, pool);
    }

    private Player select(int id) {
        return readRow(readers.get(), id);
    }

    /** The one SELECT of a player, on the given connection. */
    private Player readRow(Connection c, int id) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, level, gold, guild, updated_at FROM players WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("No player " + id + " (ids are 1 to " + players + ").");
                return new Player(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SELECT failed: " + e.getMessage(), e);
        }
    }

    /** Reads a row now, without the simulated delay (for showing the database's side of a comparison). */
    public Player peek(int id) {
        synchronized (writer) {
            return readRow(writer, id);
        }
    }

    /** A real UPDATE; the trigger fires for the row. Returns the updated row. */
    public Player update(int id, int level, long gold) {
        synchronized (writer) {
            try (PreparedStatement ps = writer.prepareStatement(
                    "UPDATE players SET level = ?, gold = ?, updated_at = ? WHERE id = ?")) {
                ps.setInt(1, level);
                ps.setLong(2, gold);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setInt(4, id);
                if (ps.executeUpdate() != 1) throw new IllegalArgumentException("No player " + id + " (ids are 1 to " + players + ").");
            } catch (SQLException e) {
                throw new IllegalStateException("UPDATE failed: " + e.getMessage(), e);
            }
            return peek(id);
        }
    }

    /** Database reads done so far (each one a SELECT after the simulated delay). */
    public long reads() {
        return reads.get();
    }

    /** Reads waiting or running right now: the database's queue. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        BY_TRIGGER.remove(triggerName);
        synchronized (writer) {
            try (Statement s = writer.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("closing a database connection failed: {}", e.toString());
            }
        }
    }
}
