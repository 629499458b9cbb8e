package dev.shoal.taskmanager.cluster;

import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.shoal.contracts.Role;
import dev.shoal.domain.leader.Leadership;
import dev.shoal.taskmanager.cluster.ElectedRoles.Elected;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The compute driver follows a datastore's own election, never naming two writers of one cluster at once. */
class ElectedRolesTest {

    private final ComputeDriver compute = mock(ComputeDriver.class);
    private final ElectedRoles roles = new ElectedRoles(null, compute, mock(Leadership.class));
    private final UUID cluster = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void theOldPrimaryIsDemotedBeforeTheNewOneIsPromoted() throws Exception {
        roles.follow(List.of(elected(first, Role.PRIMARY), elected(second, Role.SECONDARY)));
        reset(compute);

        roles.follow(List.of(elected(second, Role.PRIMARY), elected(first, Role.SECONDARY)));

        InOrder order = inOrder(compute);
        order.verify(compute).assignRole(first.toString(), Role.SECONDARY);
        order.verify(compute).assignRole(second.toString(), Role.PRIMARY);
        verifyNoMoreInteractions(compute);
    }

    @Test
    void aRoleTheDriverHasIsNotToldAgain() throws Exception {
        roles.follow(List.of(elected(first, Role.PRIMARY)));
        roles.follow(List.of(elected(first, Role.PRIMARY)));

        verify(compute, times(1)).assignRole(first.toString(), Role.PRIMARY);
        verifyNoMoreInteractions(compute);
    }

    @Test
    void theNewPrimaryWaitsWhileTheOldOneCannotBeDemotedAndIsToldOnceItIs() throws Exception {
        roles.follow(List.of(elected(first, Role.PRIMARY), elected(second, Role.SECONDARY)));
        willThrow(new ComputeException("the API server does not answer", null)).given(compute)
                .assignRole(first.toString(), Role.SECONDARY);

        roles.follow(List.of(elected(first, Role.SECONDARY), elected(second, Role.PRIMARY)));

        verify(compute, never()).assignRole(second.toString(), Role.PRIMARY);

        reset(compute);
        roles.follow(List.of(elected(first, Role.SECONDARY), elected(second, Role.PRIMARY)));

        verify(compute).assignRole(first.toString(), Role.SECONDARY);
        verify(compute).assignRole(second.toString(), Role.PRIMARY);
    }

    @Test
    void aNewPrimaryWaitsWhileTheOldOnesRowStillSaysPrimary() throws Exception {
        roles.follow(List.of(elected(first, Role.PRIMARY), elected(second, Role.SECONDARY)));
        reset(compute);

        roles.follow(List.of(elected(first, Role.PRIMARY), elected(second, Role.PRIMARY)));
        verifyNoMoreInteractions(compute);

        roles.follow(List.of(elected(first, Role.SECONDARY), elected(second, Role.PRIMARY)));
        InOrder order = inOrder(compute);
        order.verify(compute).assignRole(first.toString(), Role.SECONDARY);
        order.verify(compute).assignRole(second.toString(), Role.PRIMARY);
    }

    @Test
    void aNodeGoneAndBackIsToldAgain() throws Exception {
        roles.follow(List.of(elected(first, Role.PRIMARY)));
        roles.follow(List.of());
        roles.follow(List.of(elected(first, Role.PRIMARY)));

        verify(compute, times(2)).assignRole(first.toString(), Role.PRIMARY);
    }

    private Elected elected(UUID node, Role role) {
        return new Elected(node, cluster, role);
    }
}
