package dev.shoal.taskmanager.backup;

import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.backup.BackupRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.task.Task;
import org.springframework.stereotype.Component;

/** The backup a task works on, and the instance and node it was taken of. */
@Component
class BackupTargets {

    private final BackupRepository backups;
    private final InstanceRepository instances;
    private final NodeRepository nodes;

    BackupTargets(BackupRepository backups, InstanceRepository instances, NodeRepository nodes) {
        this.backups = backups;
        this.instances = instances;
        this.nodes = nodes;
    }

    Backup backup(Task task) {
        return backups.findById(task.getResourceId())
                .orElseThrow(() -> new IllegalStateException("backup " + task.getResourceId() + " is gone"));
    }

    Instance instance(Backup backup) {
        return instances.findById(backup.getInstanceId()).orElseThrow();
    }

    Node node(Backup backup) {
        return nodes.findFirstByInstanceIdOrderByCreatedDesc(backup.getInstanceId())
                .orElseThrow(() -> new IllegalStateException("instance " + backup.getInstanceId() + " has no node"));
    }
}
