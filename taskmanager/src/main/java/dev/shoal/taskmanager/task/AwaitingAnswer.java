package dev.shoal.taskmanager.task;

/**
 * A step asked something outside its transaction (a guest, the compute driver, the broker) and the answer is not in
 * yet: the step's writes are rolled back, its thread is freed, and it runs again once the answer is in (or after the
 * poll interval), when the same call finds its answer.
 */
public final class AwaitingAnswer extends RuntimeException {

    public AwaitingAnswer(String call) {
        super("waiting for the answer to " + call, null, false, false);
    }
}
