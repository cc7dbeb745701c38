package dev.valkeyexplainer.concept;

import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The code behind a step, in both languages of the code panel: Valkey GLIDE for Java (what the app
 * runs) and for Python (the language of the talk's examples). Build it from the calls the step really
 * made ({@link #of(List)}), or write it beside the code that runs it ({@link #of(String, String)}) and
 * check it in a test with {@code SnippetCheck} (both languages name the same commands).
 */
public record Snippet(String java, String python) {

    public Snippet {
        java = java == null ? "" : java.strip();
        python = python == null ? "" : python.strip();
    }

    public static Snippet of(String java, String python) {
        return new Snippet(java, python);
    }

    /** Generated from the calls a step made, in order: exactly what ran. */
    public static Snippet of(List<? extends ValkeyCall<?>> calls) {
        return new Snippet(calls.stream().map(c -> c.glideJava() + ";").collect(Collectors.joining("\n")),
                calls.stream().map(ValkeyCall::glidePython).collect(Collectors.joining("\n")));
    }

    public String in(CodeLanguage language) {
        return language == CodeLanguage.PYTHON ? python : java;
    }
}
