package dev.shoal.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class CredentialsTest {

    /** Variables that carry a credential; an id of a key names the key and is no secret. */
    private static final Pattern CREDENTIAL = Pattern.compile("(USER|USERNAME|PASSWORD|_KEY|_KEYS|TOKEN)$");

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void readsEveryCredentialFromASecret(String values) {
        for (JsonNode workload : Workloads.all(ShoalChart.render(values)).toList()) {
            Workloads.env(Workloads.onlyContainer(workload)).forEach((name, entry) -> {
                if (CREDENTIAL.matcher(name).find()) {
                    assertThat(entry.has("value")).as("%s %s", Workloads.name(workload), name).isFalse();
                    assertThat(entry.path("valueFrom").path("secretKeyRef").path("name").asString())
                            .as("%s %s", Workloads.name(workload), name).isNotBlank();
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void putsNoCredentialIntoAnyPlainValue(String values) {
        for (JsonNode workload : Workloads.all(ShoalChart.render(values)).toList()) {
            Workloads.env(Workloads.onlyContainer(workload)).forEach((name, entry) -> assertThat(
                    entry.path("value").asString("")).as("%s %s", Workloads.name(workload), name)
                    .doesNotContainPattern("://[^/]*@").doesNotContain("guest"));
        }
        assertThat(ShoalChart.render(values).ofKind("Secret")).isEmpty();
    }

    @Test
    void namesTheDefaultSecrets() {
        assertThat(secretRefs(ShoalChart.render(ShoalChart.DEFAULTS), "taskmanager")).isEqualTo(Map.of(
                "SHOAL_DB_USER", "shoal-postgresql/username",
                "SHOAL_DB_PASSWORD", "shoal-postgresql/password",
                "SPRING_RABBITMQ_USERNAME", "shoal-rabbitmq/username",
                "SPRING_RABBITMQ_PASSWORD", "shoal-rabbitmq/password",
                "SHOAL_SECRETS_KEY", "shoal-secrets-key/key"));
    }

    @Test
    void namesTheConfiguredSecrets() {
        Manifests manifests = ShoalChart.render(RenderedValues.MINIMAL_PRODUCTION);

        assertThat(secretRefs(manifests, "taskmanager")).isEqualTo(Map.of(
                "SHOAL_DB_USER", "pg-shoal/user",
                "SHOAL_DB_PASSWORD", "pg-shoal/pass",
                "SPRING_RABBITMQ_USERNAME", "mq-shoal/user",
                "SPRING_RABBITMQ_PASSWORD", "mq-shoal/pass",
                "SHOAL_SECRETS_KEY", "shoal-keys/current",
                "SHOAL_SECRETS_PREVIOUS_KEYS", "shoal-keys/previous",
                "SHOAL_TASKMANAGER_BROKERADMIN_USERNAME", "mq-admin/user",
                "SHOAL_TASKMANAGER_BROKERADMIN_PASSWORD", "mq-admin/pass"));
        assertThat(secretRefs(manifests, "api")).containsEntry("SHOAL_BOOTSTRAP_TOKEN", "shoal-operator/token");
        assertThat(secretRefs(manifests, "conductor")).doesNotContainKeys("SHOAL_BOOTSTRAP_TOKEN",
                "SHOAL_TASKMANAGER_BROKERADMIN_PASSWORD");
    }

    private static Map<String, String> secretRefs(Manifests manifests, String service) {
        var refs = new java.util.TreeMap<String, String>();
        Workloads.env(Workloads.onlyContainer(Workloads.service(manifests, service))).forEach((name, entry) -> {
            JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                refs.put(name, ref.path("name").asString() + "/" + ref.path("key").asString());
            }
        });
        return refs;
    }
}
