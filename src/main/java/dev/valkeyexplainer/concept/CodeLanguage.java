package dev.valkeyexplainer.concept;

/** The language of the code panels: Glide for Java (what the app runs) or for Python (what the talk showed). */
public enum CodeLanguage {
    JAVA("Java"), PYTHON("Python");

    private final String label;

    CodeLanguage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
