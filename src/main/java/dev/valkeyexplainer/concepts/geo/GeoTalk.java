package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The talk's geospatial scenario, step by step, with the same controls a user presses: the two
 * members, the 3 km and 1 km searches from another player, GEODIST, Alice's score as bits, and the
 * cells a search scans. Also the screenshot steps, whose captions carry the figures the server gave.
 */
final class GeoTalk {

    private final GeoConcept concept;

    GeoTalk(GeoConcept concept) {
        this.concept = concept;
    }

    private GeoTab tab() {
        return concept.tab();
    }

    CompletableFuture<Long> loadTalk() {
        return concept.onFxFuture(() -> {
            tab().controls.mode(0);
            return tab().loadTalkExample();
        });
    }

    CompletableFuture<GeoModel.Search> talkSearch(double km) {
        return concept.onFxFuture(() -> {
            SearchShape s = tab().controls.fillTalkSearch(km);
            return tab().runSearch(s, null, 0).thenApply(r -> {
                concept.view().revealSearchAndMembers(r);
                return r;
            });
        });
    }

    CompletableFuture<GeoModel.Distance> distance() {
        return concept.onFxFuture(() -> {
            tab().controls.mode(0);
            tab().controls.distA.setValue("Alice");
            tab().controls.distB.setValue("Beach One");
            return tab().distanceBetween("Alice", "Beach One");
        });
    }

    CompletableFuture<GeoModel.Detail> aliceScore(int step) {
        return concept.onFxFuture(() -> {
            tab().controls.mode(2);
            concept.model().step.set(step);
            concept.model().selected.set("Alice");
            return tab().inspectMember("Alice", step).thenApply(d -> {
                concept.view().revealCell(d.cell());
                return d;
            });
        });
    }

    CompletableFuture<GeoModel.Search> scan() {
        return concept.onFxFuture(() -> {
            concept.model().selected.set(null);
            concept.model().detail.set(null);
            return tab().addMorePlaces();
        }).thenCompose(n -> talkSearch(3));
    }

    List<TalkStep> talkSteps() {
        return List.of(
                new TalkStep("Players on a map", "A GEO set is a sorted set. GEOADD turns Alice's longitude and latitude"
                        + " into one 52-bit number and stores it as her score; the beach is a point of interest in the same set."
                        + " Both GEOADDs answer 1: new members.", this::loadTalk),
                new TalkStep("Who is within 3 km?", "Another player asks from here, the red diamond. GEOSEARCH with a 3 km"
                        + " radius finds Alice and the beach, nearest first, with their distances. The talk used GEORADIUS;"
                        + " Glide for Java has GEOSEARCH, its successor.", () -> talkSearch(3)),
                new TalkStep("And within 1 km?", "The same question with 1 km: only Alice. Point at the beach, just outside"
                        + " the circle.", () -> talkSearch(1)),
                new TalkStep("How far apart?", "GEODIST gives the distance between two members in metres, kilometres, miles"
                        + " or feet: about 1.6 km from Alice to the beach.", this::distance),
                new TalkStep("The score is the position", "Alice's score as bits: longitude and latitude bits take turns."
                        + " Each pair halves the cell; 14 pairs make a cell of about 2 km, all 26 pairs a cell smaller than a"
                        + " metre. Nearby places share the first bits, so their scores are close.", () -> aliceScore(14)),
                new TalkStep("Why the sorted set makes 'near' fast", "With more players on the island, the 3 km search again."
                        + " The server picks a cell size for the radius and reads the centre cell and those of its 8 neighbours"
                        + " the circle reaches (point at the dashed ones it skips), each as one score range of the sorted set,"
                        + " then keeps only what lies inside the circle. Amber markers were read but filtered out.",
                        this::scan));
    }

    List<ScreenshotStep> screenshotSteps() {
        return List.of(
                new ScreenshotStep("geo-talk-3km", () -> loadTalk().thenCompose(n -> talkSearch(3)).thenApply(s ->
                        "Geospatial, the talk's search: GEOSEARCH " + s.shape().describe() + " from the asking player returns "
                                + hits(s) + "; the server scanned " + s.plan().scanned().size() + " cells at step " + s.plan().step() + ".")),
                new ScreenshotStep("geo-talk-1km", () -> talkSearch(1).thenCombine(distance(), (s, d) ->
                        "Geospatial, 1 km: GEOSEARCH returns " + hits(s) + "; GEODIST Alice Beach One = "
                                + String.format(Locale.ROOT, "%,.4f m (%,.4f km).", d.m(), d.km()))),
                new ScreenshotStep("geo-score", () -> aliceScore(14).thenApply(d -> {
                    GeoHash.Cell full = GeoHash.cellOfScore(d.score());
                    return String.format(Locale.ROOT, "Geospatial, the 52-bit score: ZSCORE Alice = %,d; GEOPOS %.7f, %.7f is the"
                                    + " centre of a %.2f m × %.2f m cell; GEOHASH %s; at step %d the cell is %s × %s.", d.score(),
                            d.geopos()[0], d.geopos()[1], full.widthMeters(), full.heightMeters(), d.geohash(), d.step(),
                            BasemapPainter.length(d.cell().widthMeters()), BasemapPainter.length(d.cell().heightMeters()));
                })),
                new ScreenshotStep("geo-scan", () -> scan().thenApply(s -> String.format(Locale.ROOT, "Geospatial, what a radius"
                                + " search scans: %s → step %d, cells of %s × %s; %d ZRANGE … BYSCORE ranges hold %d candidates;"
                                + " the distance filter keeps %d: %s.", s.shape().describe(), s.plan().step(),
                        BasemapPainter.length(s.plan().cells().get(0).cell().widthMeters()),
                        BasemapPainter.length(s.plan().cells().get(0).cell().heightMeters()), s.plan().scanned().size(),
                        s.candidates(), s.hits().size(), hits(s)))),
                new ScreenshotStep("geo-open-key", this::openSicily));
    }

    /** The Valkey docs' Sicily example, written under the namespace, opened like any GEO key, and searched. */
    private CompletableFuture<String> openSicily() {
        GeoModel m = concept.model();
        String key = m.key.get().replaceFirst("geo:world$", "geo:sicily");
        return concept.onFxFuture(() -> tab().writeSicily(key))
                .thenCompose(x -> concept.onFxFuture(() -> tab().open(key)))
                .thenCompose(f -> concept.onFxFuture(() -> {
                    tab().controls.mode(1);
                    return tab().runSearch(SearchShape.circle(15, 37, 200, SearchShape.Unit.KM), null, 0);
                }))
                .thenCompose(s -> concept.onFx(() -> concept.view().map.fit(new double[]{10, 34, 19, 40})).thenApply(v -> s))
                .thenApply(s -> "Geospatial, open a key: " + key + " (the Valkey docs' Sicily example) on the Natural Earth"
                        + " outline; GEOSEARCH 200 km around 15, 37 returns " + hits(s) + ".");
    }

    static String hits(GeoModel.Search s) {
        if (s.hits().isEmpty()) return "nobody";
        return s.hits().stream().map(h -> String.format(Locale.ROOT, "%s at %,.4f %s", h.member(), h.distance(), s.shape().unit()))
                .collect(Collectors.joining(", "));
    }
}
