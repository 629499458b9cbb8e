package dev.shoal.taskmanager.task;

/**
 * A step's work on several nodes, every node asked before the step waits for any: stopping or removing a cluster's
 * nodes waits for the slowest of them, not for their sum.
 */
public final class SideBySide {

    private SideBySide() {
    }

    /** @throws AwaitingAnswer once every item was asked, while any of them waits */
    public static <T, E extends Exception> void forEach(Iterable<T> items, Action<T, E> action) throws E {
        AwaitingAnswer waiting = null;
        for (T item : items) {
            try {
                action.accept(item);
            } catch (AwaitingAnswer answerDue) {
                waiting = waiting == null ? answerDue : waiting;
            }
        }
        if (waiting != null) {
            throw waiting;
        }
    }

    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        void accept(T item) throws E;
    }
}
