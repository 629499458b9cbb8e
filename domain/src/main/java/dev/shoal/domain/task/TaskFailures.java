package dev.shoal.domain.task;

import java.time.Instant;

/**
 * The reasons the task manager gives a task it fails on its own account, worded in one place so that what shows
 * them (an operation's error code) tells them apart from a step's own reason, also in tasks written before.
 */
public final class TaskFailures {

    private static final String DEADLINE_EXCEEDED = "did not finish within its deadline";
    private static final String UNDO_FAILED = "; undoing what it did failed: ";

    private TaskFailures() {
    }

    public static String deadlineExceeded(Instant deadline, String step) {
        return DEADLINE_EXCEEDED + " (" + deadline + ") at step " + step;
    }

    public static String undoFailed(String reason, String why) {
        return reason + UNDO_FAILED + why;
    }

    public static boolean isDeadlineExceeded(String error) {
        return error != null && error.startsWith(DEADLINE_EXCEEDED);
    }

    public static boolean isUndoFailed(String error) {
        return error != null && error.contains(UNDO_FAILED);
    }
}
