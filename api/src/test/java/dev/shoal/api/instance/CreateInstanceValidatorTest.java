package dev.shoal.api.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.api.system.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateInstanceValidatorTest {

    @Test
    void acceptsTheSeedsBody() {
        CreateInstanceValidator.validate(request("products", "7", 1), 1, 100);
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> CreateInstanceValidator.validate(new CreateInstanceRequest(
                new CreateInstanceRequest.Body(" ", null, null, null, null, null, null, null, null, null, null)), 1, 100))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields())
                        .extracting(ApiException.FieldProblem::field)
                        .containsExactly("instance.name", "instance.datastore.type", "instance.flavorRef",
                                "instance.volume.size"));
    }

    @Test
    void boundsNameLengthAndVolumeSize() {
        assertThatThrownBy(() -> CreateInstanceValidator.validate(request("n".repeat(256), "1", 1), 1, 100))
                .hasMessageContaining("instance.name");
        assertThatThrownBy(() -> CreateInstanceValidator.validate(request("db", "1", 101), 1, 100))
                .hasMessageContaining("instance.volume.size");
        CreateInstanceValidator.validate(request("n".repeat(255), "1", 100), 1, 100);
    }

    @Test
    void takesAFlavorByIdOrByLink() {
        assertThat(dev.shoal.api.catalog.CatalogReferences.flavorId("7")).isEqualTo("7");
        assertThat(dev.shoal.api.catalog.CatalogReferences.flavorId("http://host:8779/v1.0/t/flavors/7")).isEqualTo("7");
    }

    private static CreateInstanceRequest request(String name, String flavor, int volume) {
        return new CreateInstanceRequest(new CreateInstanceRequest.Body(name,
                new CreateInstanceRequest.Datastore("mysql", null), flavor, new CreateInstanceRequest.Volume(volume),
                null, null, null, null, null, null, null));
    }

    @Test
    void aTroveReplicaNeedsNoFlavorDatastoreOrVolume() {
        CreateInstanceValidator.validate(new CreateInstanceRequest(new CreateInstanceRequest.Body("ro", null, null,
                null, null, null, "3f2a", 2, new CreateInstanceRequest.Access(true, null), null, null)), 1, 100);
        assertThatThrownBy(() -> CreateInstanceValidator.validate(new CreateInstanceRequest(
                new CreateInstanceRequest.Body("db", new CreateInstanceRequest.Datastore("mysql", null), "1",
                        new CreateInstanceRequest.Volume(1), null, null, null, 2, null, null, null)), 1, 100))
                .hasMessageContaining("instance.replica_count");
    }

    @Test
    void aRestoreNeedsNoDatastoreButABackupAndIsNoReplica() {
        CreateInstanceValidator.validate(restore("b-1", null), 1, 100);
        assertThatThrownBy(() -> CreateInstanceValidator.validate(restore(" ", null), 1, 100))
                .hasMessageContaining("instance.restorePoint.backupRef");
        assertThatThrownBy(() -> CreateInstanceValidator.validate(restore("b-1", "3f2a"), 1, 100))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields())
                        .extracting(ApiException.FieldProblem::field).containsExactly("instance.restorePoint"));
    }

    private static CreateInstanceRequest restore(String backupRef, String replicaOf) {
        return new CreateInstanceRequest(new CreateInstanceRequest.Body("copy", null, "1",
                new CreateInstanceRequest.Volume(1), null, null, replicaOf, null, null,
                new CreateInstanceRequest.RestorePoint(backupRef), null));
    }

    @Test
    void everyAllowedCidrIsCheckedWithTheOtherFields() {
        assertThatThrownBy(() -> CreateInstanceValidator.validate(new CreateInstanceRequest(
                new CreateInstanceRequest.Body("", new CreateInstanceRequest.Datastore("mysql", null), "1",
                        new CreateInstanceRequest.Volume(1), null, null, null, null,
                        new CreateInstanceRequest.Access(false, List.of("10.0.0.0/8", "10.0.0.1/8")), null, null)),
                1, 100))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields())
                        .extracting(ApiException.FieldProblem::field)
                        .containsExactly("instance.name", "instance.access.allowed_cidrs[1]"));
    }
}
