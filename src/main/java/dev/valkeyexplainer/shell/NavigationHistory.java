package dev.valkeyexplainer.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Back and forward through visited concepts (Alt+Left / Alt+Right), the way a browser does it:
 * visiting a new concept clears the forward list.
 */
public final class NavigationHistory<T> {

    private final Deque<T> back = new ArrayDeque<>();
    private final Deque<T> forward = new ArrayDeque<>();
    private T current;

    /** A concept was opened by the user (not by back/forward). */
    public void visit(T next) {
        if (next == null || next.equals(current)) return;
        if (current != null) back.push(current);
        forward.clear();
        current = next;
    }

    public Optional<T> back() {
        if (back.isEmpty()) return Optional.empty();
        forward.push(current);
        current = back.pop();
        return Optional.of(current);
    }

    public Optional<T> forward() {
        if (forward.isEmpty()) return Optional.empty();
        back.push(current);
        current = forward.pop();
        return Optional.of(current);
    }

    public boolean canGoBack() {
        return !back.isEmpty();
    }

    public boolean canGoForward() {
        return !forward.isEmpty();
    }

    public T current() {
        return current;
    }
}
