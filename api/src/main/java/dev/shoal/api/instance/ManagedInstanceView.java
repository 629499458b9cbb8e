package dev.shoal.api.instance;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.shoal.domain.instance.Instance;

/** An instance as its tenant sees it, plus what only an operator is shown: whose it is, as Trove's mgmt view. */
record ManagedInstanceView(@JsonUnwrapped InstanceView instance, @JsonProperty("tenant_id") String tenantId) {

    static ManagedInstanceView of(InstanceView view, Instance instance) {
        return new ManagedInstanceView(view, instance.getTenantId());
    }
}
