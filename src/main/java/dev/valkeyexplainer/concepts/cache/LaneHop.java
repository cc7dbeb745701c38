package dev.valkeyexplainer.concepts.cache;

/**
 * One hop of a request token on the lanes (App, Valkey, Database): from where to where, the command
 * or reply it carries, and its colour's role (the lanes pick the colour from the theme's palette).
 */
record LaneHop(Lane from, Lane to, String label, Tone tone) {

    enum Lane { APP, VALKEY, DB }

    enum Tone { REQUEST, HIT, MISS, DATABASE, WRITE, WARN }
}
