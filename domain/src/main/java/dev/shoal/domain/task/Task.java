package dev.shoal.domain.task;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A long-running change, persisted step by step. The task manager holds a lease while it works on it;
 * a task whose lease ran out (its task manager died) is taken up again by the next one.
 */
@Entity
@Table(name = "tasks")
public class Task extends AssignedIdEntity<UUID> {

    public static final String FIRST_STEP = "START";
    /** Who asks for the work Shoal starts on its own. */
    public static final String SHOAL = "shoal";

    @Id
    private UUID id;
    private String tenantId;
    @Enumerated(EnumType.STRING)
    private TaskKind kind;
    private String resourceType;
    private UUID resourceId;
    @Enumerated(EnumType.STRING)
    private TaskState state;
    private String step;
    private int stepRound;
    private int progress;
    private String message;
    private String error;
    /** Set when a step failed: the task undoes what it did, as a step of its own, before it ends failed. */
    private boolean undoing;
    @Enumerated(EnumType.STRING)
    private NodeTask undoErrorTask;
    // written by the api's conditional update alone, so that a step's write never loses a cancel asked meanwhile
    @Column(insertable = false, updatable = false)
    private Instant cancelRequestedAt;
    /** The undo under way ends the task cancelled, not failed. */
    private boolean cancelling;
    /** JSON; anything secret in it is sealed for the node it is meant for. */
    private String parameters;
    // The lease is the task manager's alone, written by its conditional updates; an entity written back by a
    // step whose lease was taken over meanwhile must not restore the old owner, expiry or epoch.
    @Column(insertable = false, updatable = false)
    private int attempts;
    @Column(insertable = false, updatable = false)
    private String leaseOwner;
    @Column(insertable = false, updatable = false)
    private Instant leaseUntil;
    @Column(insertable = false, updatable = false)
    private long leaseEpoch;
    private Instant deadline;
    private Instant created;
    /** When a task manager first took the task up; null while it waits for one. */
    private Instant started;
    /** The name of the token whose request started the task, or {@link #SHOAL} for Shoal's own work. */
    private String requestedBy;
    private Instant updated;
    private Instant finishedAt;

    protected Task() {
    }

    public Task(String tenantId, TaskKind kind, String resourceType, UUID resourceId, String parameters,
                String requestedBy, Instant now, Duration timeout) {
        this.id = UUID.randomUUID();
        this.requestedBy = requestedBy;
        this.tenantId = tenantId;
        this.kind = kind;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.parameters = parameters;
        this.state = TaskState.PENDING;
        this.step = FIRST_STEP;
        this.created = now;
        this.updated = now;
        this.deadline = now.plus(timeout);
    }

    /** A task manager takes the task up; only the first one's time is kept. */
    public void markStarted(Instant now) {
        if (started == null) {
            this.started = now;
            this.updated = now;
        }
    }

    public void advance(String nextStep, int newProgress, String newMessage, Instant now) {
        this.step = nextStep;
        this.stepRound = 0;
        this.progress = Math.max(progress, Math.min(100, newProgress));
        this.message = newMessage;
        this.updated = now;
    }

    /** What a step learnt that later steps need after a crash (a snapshot's position, a chosen primary). */
    public void recordParameters(String json, Instant now) {
        this.parameters = json;
        this.updated = now;
    }

    public void complete(String finalMessage, Instant now) {
        this.state = TaskState.COMPLETED;
        this.progress = 100;
        this.message = finalMessage;
        this.finishedAt = now;
        this.updated = now;
    }

    public void fail(String reason, Instant now) {
        this.state = TaskState.FAILED;
        this.error = reason;
        this.finishedAt = now;
        this.updated = now;
    }

    /**
     * The task failed at its current step and now undoes what it did; it ends failed with {@code reason} once undone.
     *
     * @param errorTask the error state its nodes are left in, or null for the workflow's own
     */
    public void startUndo(NodeTask errorTask, String reason, Instant now) {
        this.undoing = true;
        this.undoErrorTask = errorTask;
        this.error = reason;
        this.updated = now;
    }

    /** Cancelled on request at {@code step}: what the task added is undone before it ends cancelled. */
    public void startCancel(String step, Instant now) {
        this.undoing = true;
        this.cancelling = true;
        this.message = "Cancelling at step " + step;
        this.updated = now;
    }

    public void cancelled(Instant now) {
        this.state = TaskState.CANCELLED;
        this.message = message == null ? "Cancelled" : message.replaceFirst("^Cancelling", "Cancelled");
        this.finishedAt = now;
        this.updated = now;
    }

    public boolean isCancelRequested() {
        return cancelRequestedAt != null;
    }

    public boolean isCancelling() {
        return cancelling;
    }

    public boolean isUndoing() {
        return undoing;
    }

    public NodeTask getUndoErrorTask() {
        return undoErrorTask;
    }

    /** The current step ran to an end (it waits, or is done): its next run asks its guests afresh. */
    public void endRound() {
        this.stepRound++;
    }

    public int getStepRound() {
        return stepRound;
    }

    public boolean isPastDeadline(Instant now) {
        return deadline != null && now.isAfter(deadline);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public TaskKind getKind() {
        return kind;
    }

    public String getResourceType() {
        return resourceType;
    }

    public UUID getResourceId() {
        return resourceId;
    }

    public TaskState getState() {
        return state;
    }

    public String getStep() {
        return step;
    }

    public int getProgress() {
        return progress;
    }

    public String getMessage() {
        return message;
    }

    public String getError() {
        return error;
    }

    public String getParameters() {
        return parameters;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    /** The fencing epoch of the lease's last grant, as read; the task manager compares it with its own. */
    public long getLeaseEpoch() {
        return leaseEpoch;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public Instant getStarted() {
        return started;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
