package dev.valkeyexplainer.concepts.geo;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the geo tab shows, as records read from the server, held in properties that the view and
 * the controls observe. No nodes; changed on the FX thread only.
 */
public final class GeoModel {

    /** A member of the key: its name, its raw score, and the position decoded from it (as GEOPOS does). */
    public record Member(String name, long score, double lon, double lat) {
        static Member of(String name, long score) {
            double[] p = GeoHash.position(score);
            return new Member(name, score, p[0], p[1]);
        }
    }

    /**
     * One reading of the key on the map.
     *
     * @param key      the sorted set
     * @param writable inside the app's namespace (the game's key); a key opened from elsewhere is read-only
     * @param total    ZCARD
     * @param members  the first {@code GeoActions.MAX_MEMBERS} members by score
     */
    public record Snapshot(String key, boolean writable, long total, List<Member> members) {
        public Snapshot {
            members = List.copyOf(members);
        }

        public Optional<Member> member(String name) {
            return members.stream().filter(m -> m.name().equals(name)).findFirst();
        }
    }

    /** One of the 9 cells and what its range query returned. */
    public record CellRead(ScanPlan.ScanCell cell, List<String> candidates) {
        public CellRead {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * A GEOSEARCH and what lies under it.
     *
     * @param fromMember the member searched around, or null for FROMLONLAT
     * @param hits       the server's answer, nearest first, distances in the shape's unit
     * @param reads      the range query of each scanned cell (ZRANGE … BYSCORE), in the server's order
     * @param micros     the GEOSEARCH round trip
     */
    public record Search(String key, SearchShape shape, String fromMember, long count, List<GeoCommands.Hit> hits,
                         ScanPlan plan, List<CellRead> reads, long micros) {
        public Search {
            hits = List.copyOf(hits);
            reads = List.copyOf(reads);
        }

        /** The distinct members the range queries returned: what the server looked at. */
        public long candidates() {
            return reads.stream().flatMap(r -> r.candidates().stream()).distinct().count();
        }
    }

    /**
     * The geohash of one member, read from the server.
     *
     * @param score       ZSCORE, a 52-bit integer
     * @param geopos      GEOPOS {lon, lat}
     * @param geohash     GEOHASH's 11 characters
     * @param step        the precision shown, 1 … 26
     * @param cellMembers the members in the same cell of that step (ZRANGE … BYSCORE of its range)
     */
    public record Detail(String key, String member, long score, double[] geopos, String geohash, int step,
                         List<String> cellMembers) {
        public Detail {
            geopos = geopos.clone();
            cellMembers = List.copyOf(cellMembers);
        }

        public GeoHash.Cell cell() {
            return GeoHash.cellOfScore(score, step);
        }
    }

    /** GEODIST between two members, in the four units. Values are null when a member is missing. */
    public record Distance(String a, String b, Double m, Double km, Double mi, Double ft) {
    }

    public final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    public final ObjectProperty<Search> search = new SimpleObjectProperty<>();
    public final ObjectProperty<Detail> detail = new SimpleObjectProperty<>();
    public final ObjectProperty<Distance> distance = new SimpleObjectProperty<>();
    /** The member picked on the map or in a list. */
    public final StringProperty selected = new SimpleStringProperty();
    /** The search centre for FROMLONLAT: {lon, lat}. */
    public final ObjectProperty<double[]> centre = new SimpleObjectProperty<>(GameWorld.queryPoint());
    /** The geohash precision drawn for the selected member, 1 … 26. */
    public final IntegerProperty step = new SimpleIntegerProperty(12);
    /** The key on the map. */
    public final StringProperty key = new SimpleStringProperty();
    /** The last problem (bad input, a server error), or "" . */
    public final StringProperty problem = new SimpleStringProperty("");
    /** The last thing that happened, e.g. "GEOADD … → 1". */
    public final StringProperty status = new SimpleStringProperty("");

    /** Whether the key on the map may be changed: the game's own key, inside the namespace. */
    public final BooleanProperty writable = new SimpleBooleanProperty(true);

    /**
     * Where the app put the members it added ({lon, lat} as clicked or typed), to show how far the
     * stored position is from it. Not Valkey state: the server keeps only the score.
     */
    public final java.util.Map<String, double[]> placedAt = new java.util.HashMap<>();

    public GeoModel(String worldKey) {
        key.set(worldKey);
    }
}
