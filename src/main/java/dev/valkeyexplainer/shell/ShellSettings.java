package dev.valkeyexplainer.shell;

/**
 * The window's start-up settings, from the command line.
 *
 * @param firstConcept the id of the concept shown first, or null for the first one
 * @param talk         start in talk mode
 */
public record ShellSettings(boolean dark, double scale, String firstConcept, boolean talk) {
}
