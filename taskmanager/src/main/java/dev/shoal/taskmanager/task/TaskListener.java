package dev.shoal.taskmanager.task;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.task.RunTask;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * A cast only wakes the task manager: the task row is the truth, so a duplicate, late or unknown
 * RunTask changes nothing and is simply acknowledged.
 */
@Component
class TaskListener {

    private static final Logger log = LoggerFactory.getLogger(TaskListener.class);

    private final TaskRunner runner;
    private final MessageCodec codec;

    TaskListener(TaskRunner runner, MessageCodec codec) {
        this.runner = runner;
        this.codec = codec;
    }

    @RabbitListener(queues = Routing.TASKMANAGER_QUEUE, containerFactory = "taskmanagerListenerFactory")
    void onMessage(Message message) {
        var envelope = codec.decode(message.getBody());
        if (!MessageTypes.RUN_TASK.equals(envelope.type())) {
            log.warn("ignored message of type {} on the task manager queue", envelope.type());
            return;
        }
        UUID taskId;
        try {
            taskId = UUID.fromString(codec.payload(envelope, RunTask.class).taskId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new dev.shoal.contracts.MalformedMessageException("run_task without a task id", e);
        }
        if (!runner.submit(taskId)) {
            log.debug("task {} is finished, unknown or held by a task manager", taskId);
        }
    }
}
