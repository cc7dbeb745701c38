package dev.valkeyexplainer.app;

import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.Namespace;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line. {@code ./run --help} prints this. */
@Command(name = "./run", mixinStandardHelpOptions = true, version = "Valkey Explainer 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Teaches Valkey data modeling by showing it happen against a real server.",
                "With no options it starts its own sandbox valkey-server (loopback, random password, no persistence)."},
        footer = {"", "Keys: Ctrl+1..9 tabs, Ctrl +/-/0 scale, Ctrl+D theme, F11 full screen, Space play/pause,"
                + " Right step, F1 help.",
                "Examples:", "  ./run", "  ./run --connect valkey://localhost:6379", "  ./run --connect valkeys://user:pass@my-cache.example.com:6379",
                "  ./run --screenshots screenshots/"})
public final class Options {

    @Option(names = "--connect", paramLabel = "URL",
            description = "Use an existing server instead of the sandbox: valkey://[user:password@]host:port[/db]"
                    + " (valkeys:// for TLS; redis:// and rediss:// work too). Write / @ # ? %% in a password as"
                    + " %%2F %%40 %%23 %%3F %%25.")
    String connect;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "vx:",
            description = "Every key the app writes starts with this (default: ${DEFAULT-VALUE}); it always ends in ':'"
                    + " (vx means vx:). Reset deletes only these keys.")
    String prefix;

    @Option(names = "--screenshots", paramLabel = "DIR",
            description = "Headless: drive each concept to representative states, write one PNG per state plus the"
                    + " whole window and DIR/index.md with captions carrying the measured figures, then exit. Needs no"
                    + " display. --size and --scale apply.")
    Path screenshots;

    @Option(names = "--tab", paramLabel = "ID", description = "Open this concept first (server, hll, …); with"
            + " --screenshots, take only this concept's pictures.")
    String tab;

    @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light", description = "Colour theme (default: ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--scale", paramLabel = "X", defaultValue = "1.0",
            description = "UI scale, 0.5 to 3 (default: ${DEFAULT-VALUE}); Ctrl +/- changes it live.")
    double scale;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1600x960",
            description = "Window size, also the screenshot size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--fullscreen", description = "Start in full screen (F11 toggles).")
    boolean fullscreen;

    @Option(names = "--talk", description = "Start in talk mode: the talk's sections in order, each concept's scenario"
            + " step by step (PageDown / Right / Space next, PageUp back), with speaker notes.")
    boolean talk;

    @Option(names = "--verbose", description = "Also print the app's info and debug lines and the libraries' warnings"
            + " (Valkey GLIDE, JavaFX).")
    boolean verbose;

    @Option(names = "--llm-url", paramLabel = "URL",
            description = "Semantic cache tab: answer misses with this OpenAI-compatible chat endpoint (e.g."
                    + " http://localhost:8000/v1) instead of the built-in game master. Its key, if any, is read from the"
                    + " environment variable VX_LLM_API_KEY and is never shown, logged or journaled.")
    String llmUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", defaultValue = "gpt-4o-mini",
            description = "The model name sent to --llm-url (default: ${DEFAULT-VALUE}).")
    String llmModel;

    /** Parsed and checked: every bad value becomes a message for the user, never a stack trace. */
    public record Parsed(ConnectionTarget connect, Namespace namespace, Path screenshots, String tab, boolean dark,
                         double scale, int width, int height, boolean fullscreen, boolean talk, boolean verbose,
                         String llmUrl, String llmModel) {
    }

    /** Parses arguments; throws {@link CommandLine.ParameterException} with a readable message. */
    public static Parsed parse(String... args) {
        Options o = new Options();
        CommandLine cl = new CommandLine(o);
        cl.parseArgs(args);
        return o.check(cl);
    }

    Parsed check(CommandLine cl) {
        try {
            ConnectionTarget target = connect == null ? null : ConnectionTarget.parse(connect);
            Namespace ns = new Namespace(prefix);
            if (!theme.equals("light") && !theme.equals("dark")) {
                throw new IllegalArgumentException("--theme must be light or dark, not '" + theme + "'.");
            }
            if (!(scale >= 0.5 && scale <= 3)) throw new IllegalArgumentException("--scale must be between 0.5 and 3.");
            String[] wh = size.toLowerCase().split("x");
            int w;
            int h;
            try {
                w = Integer.parseInt(wh[0]);
                h = Integer.parseInt(wh[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--size must look like 1600x960, not '" + size + "'.");
            }
            if (w < 800 || h < 600 || w > 7680 || h > 4320) {
                throw new IllegalArgumentException("--size must be at least 800x600 and at most 7680x4320.");
            }
            if (llmUrl != null && !llmUrl.matches("https?://[^\\s/]+.*")) {
                throw new IllegalArgumentException("--llm-url must be an http:// or https:// URL, not '" + llmUrl + "'.");
            }
            return new Parsed(target, ns, screenshots, tab, theme.equals("dark"), scale, w, h, fullscreen, talk, verbose,
                    llmUrl, llmModel);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new Options());
    }
}
