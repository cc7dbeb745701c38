package dev.valkeyexplainer.app;

import java.util.Locale;
import picocli.CommandLine;

/**
 * The entry point (a plain main, so a jar can start JavaFX from the class path). Parses the options,
 * then opens the window or runs the headless screenshot mode. Bad options and a missing display
 * get a message and an exit code, never a stack trace.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("glide.autoShutdownHook", "false");
        java.util.List<String> list = java.util.Arrays.asList(args);
        AppLogging.configure(list.contains("--verbose"));
        boolean window = list.stream().noneMatch(a -> a.startsWith("--screenshots") || a.equals("-h") || a.equals("--help")
                || a.equals("-V") || a.equals("--version"));
        if (window && hasDisplay()) ExplainerApp.startToolkit(); // half a second that overlaps the rest of the start
        CommandLine cl = Options.commandLine();
        Options.Parsed parsed;
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(System.out);
                return;
            }
            if (cl.isVersionHelpRequested()) {
                cl.printVersionHelp(System.out);
                return;
            }
            parsed = ((Options) cl.getCommand()).check(cl);
            ConceptRegistry registry = ConceptRegistry.standard();
            if (parsed.tab() != null && registry.byId(parsed.tab()).isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--tab: no concept '" + parsed.tab() + "'. Concepts: "
                        + String.join(", ", registry.ids()) + ".");
            }
        } catch (CommandLine.ParameterException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println("Run ./run --help for the options.");
            System.exit(2);
            return;
        }
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Launcher.class);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> log.error("unexpected error on {}", t.getName(), e));
        if (parsed.screenshots() != null) {
            System.exit(ScreenshotMode.run(parsed));
            return;
        }
        if (!hasDisplay()) {
            System.err.println("""
                    No display found (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open.
                      - To make the screenshots without a display:  ./run --screenshots screenshots/
                      - To run the window on a virtual display:     xvfb-run -a ./run""");
            System.exit(3);
            return;
        }
        try {
            ExplainerApp.open(parsed);
            System.exit(0);
        } catch (RuntimeException e) {
            String msg = dev.valkeyexplainer.valkey.JournalFormat.errorMessage(e);
            System.err.println("The window could not open: " + msg);
            if (msg.contains("GTK")) System.err.println("JavaFX needs GTK 3 on Linux: apt-get install libgtk-3-0 (./run installs it).");
            System.exit(4);
        }
    }

    static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) return true; // macOS and Windows always have one
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"))
                || "Monocle".equals(System.getProperty("glass.platform"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
