package dev.shoal.domain.task;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a task as its operation shows it: planned when the task starts, then run, done or failed. */
@Entity
@Table(name = "operation_steps")
public class OperationStep extends AssignedIdEntity<UUID> {

    /** Undoing what a failed or cancelled task did runs as a step of its own, after the planned ones. */
    public static final String UNDO = "UNDO";

    private static final int MESSAGE_LENGTH = 2048;

    @Id
    private UUID id;
    private UUID taskId;
    private int position;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private State state;
    private Instant started;
    private Instant finished;
    private String message;
    /** Whether the task may still be cancelled while at this step (it is before the point of no return). */
    private boolean cancellable;

    protected OperationStep() {
    }

    public OperationStep(UUID taskId, int position, String name, String description, boolean cancellable) {
        this.cancellable = cancellable;
        this.id = UUID.randomUUID();
        this.taskId = taskId;
        this.position = position;
        this.name = name;
        this.description = description;
        this.state = State.PENDING;
    }

    public void start(Instant now) {
        state = State.RUNNING;
        started = started == null ? now : started;
    }

    /** @param outcome what to show of its end; null keeps what the step noted while it ran */
    public void finish(String outcome, Instant now) {
        state = State.DONE;
        started = started == null ? now : started;
        finished = now;
        message = outcome == null ? message : clip(outcome);
    }

    /** What the running step found worth showing (a guest's own timing of its work); its end may replace it. */
    public void note(String text) {
        message = clip(text);
    }

    public void fail(String reason, Instant now) {
        state = State.FAILED;
        started = started == null ? now : started;
        finished = now;
        message = clip(reason);
    }

    /** The task was cancelled while at this step. */
    public void cancel(Instant now) {
        state = State.CANCELLED;
        started = started == null ? now : started;
        finished = now;
    }

    private static String clip(String text) {
        return text == null || text.length() <= MESSAGE_LENGTH ? text : text.substring(0, MESSAGE_LENGTH);
    }

    public boolean isUndo() {
        return UNDO.equals(name);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTaskId() {
        return taskId;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public State getState() {
        return state;
    }

    public Instant getStarted() {
        return started;
    }

    public Instant getFinished() {
        return finished;
    }

    public String getMessage() {
        return message;
    }

    public boolean isCancellable() {
        return cancellable;
    }

    public enum State {
        PENDING,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }
}
