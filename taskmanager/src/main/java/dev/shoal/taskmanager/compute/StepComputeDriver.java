package dev.shoal.taskmanager.compute;

import dev.shoal.contracts.Role;
import dev.shoal.taskmanager.task.RemoteCalls;
import java.util.UUID;

/**
 * The compute driver as the task manager uses it: within a task's step each call runs outside the step's transaction
 * and the step waits for it without holding a thread (see {@link RemoteCalls}); elsewhere (a sweep, a start-up) a
 * call runs in its caller.
 */
public class StepComputeDriver implements ComputeDriver {

    private final ComputeDriver driver;
    private final RemoteCalls calls;

    public StepComputeDriver(ComputeDriver driver, RemoteCalls calls) {
        this.driver = driver;
        this.calls = calls;
    }

    @Override
    public NodePlacement provision(NodeSpec spec) throws ComputeException {
        return calls.call(node(spec.nodeId()), "compute.provision", () -> driver.provision(spec));
    }

    @Override
    public ServerStatus status(String nodeId) {
        return calls.call(node(nodeId), "compute.status", () -> driver.status(nodeId));
    }

    /** Other rules than a run of the round asked before are another call: the newer rules are the ones applied. */
    @Override
    public FirewallReport applyFirewall(NodeFirewall firewall) throws ComputeException {
        return calls.call(node(firewall.nodeId()), "compute.firewall." + Integer.toHexString(firewall.hashCode()),
                () -> driver.applyFirewall(firewall));
    }

    @Override
    public void destroy(String nodeId) throws ComputeException {
        calls.call(node(nodeId), "compute.destroy", () -> {
            driver.destroy(nodeId);
            return null;
        });
    }

    @Override
    public void assignRole(String nodeId, Role role) throws ComputeException {
        calls.call(node(nodeId), "compute.role." + role, () -> {
            driver.assignRole(nodeId, role);
            return null;
        });
    }

    @Override
    public void assignGroup(String nodeId, String group) throws ComputeException {
        calls.call(node(nodeId), "compute.group." + group, () -> {
            driver.assignGroup(nodeId, group);
            return null;
        });
    }

    @Override
    public void resizeVolume(String nodeId, int sizeGb) throws ComputeException {
        calls.call(node(nodeId), "compute.volume." + sizeGb, () -> {
            driver.resizeVolume(nodeId, sizeGb);
            return null;
        });
    }

    @Override
    public void stop(String nodeId) throws ComputeException {
        calls.call(node(nodeId), "compute.stop", () -> {
            driver.stop(nodeId);
            return null;
        });
    }

    private static UUID node(String nodeId) {
        return UUID.fromString(nodeId);
    }
}
