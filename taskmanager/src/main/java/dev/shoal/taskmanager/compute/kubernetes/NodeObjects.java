package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.contracts.Role;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names and labels of what a node owns in Kubernetes. Names start with a letter, as Service names must; a node's
 * address is its own Service's name, which resolves in the namespace to its Pod.
 */
final class NodeObjects {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String SHOAL = "shoal";
    static final String NODE_COMPONENT = "node";
    static final String GROUP_COMPONENT = "group";
    static final String NODE = "shoal.dev/node";
    static final String TENANT = "shoal.dev/tenant";
    static final String CLUSTER = "shoal.dev/cluster";
    static final String ROLE = "shoal.dev/role";
    /** On the Pod that takes writes (a master, a primary): what its set's writer Service selects. */
    static final String WRITER = "shoal.dev/writer";
    /** The tenant as given, where it is no valid label value. */
    static final String TENANT_ANNOTATION = "shoal.dev/tenant";

    static final String CONTAINER = "node";
    static final String NODE_DIR = "/var/lib/shoal/node";
    static final String SHARED_DIR = "/var/lib/shoal/shared";
    /** The node's Secret as a directory, whose files the kubelet replaces when the Secret changes. */
    static final String SECRET_DIR = "/etc/shoal/guest";
    /** The image's user, who owns the node's volume through the Pod's fsGroup. */
    static final long USER = 10001;

    private static final Pattern NODE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    private NodeObjects() {
    }

    /** The Pod, its headless Service and its NetworkPolicy share this name. */
    static String node(String nodeId) {
        return "node-" + checked(nodeId);
    }

    static String claim(String nodeId) {
        return "data-" + node(nodeId);
    }

    static String secret(String nodeId) {
        return node(nodeId) + "-guest";
    }

    /** The headless Service of a group: {@code <pod>.<group service>} names each of its nodes. */
    static String group(String group) {
        return "group-" + checked(group);
    }

    /** The Service clients of a replication set write to, whichever node is its master. */
    static String writer(String group) {
        return "writer-" + checked(group);
    }

    /** What every object of the node carries. */
    static Map<String, String> labels(String nodeId, String tenantId, String group) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, SHOAL);
        labels.put(COMPONENT, NODE_COMPONENT);
        labels.put(NODE, checked(nodeId));
        labels.put(TENANT, labelValue(tenantId));
        if (group != null) {
            labels.put(CLUSTER, checked(group));
        }
        return labels;
    }

    /** One label of an object, or null when the object or the label is absent. */
    static String labelOf(HasMetadata object, String key) {
        return object == null || object.getMetadata().getLabels() == null ? null
                : object.getMetadata().getLabels().get(key);
    }

    /** The labels the Pod carries for its role; a node with none carries neither. */
    static Map<String, String> roleLabels(Role role) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (role != null) {
            labels.put(ROLE, role.name().toLowerCase(java.util.Locale.ROOT));
            labels.put(WRITER, Boolean.toString(role == Role.MASTER || role == Role.PRIMARY));
        }
        return labels;
    }

    /**
     * A tenant id is kept as it is when it is a valid label value (Shoal's own ids are, up to 63 characters), else as a
     * digest; the annotation holds it as given.
     */
    static String labelValue(String value) {
        if (LABEL_VALUE.matcher(value).matches()) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Node and group ids are UUIDs: anything else would make names Kubernetes refuses, or another node's. */
    static String checked(String id) {
        if (id == null || !NODE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a node or group id (a lower-case UUID): " + id);
        }
        return id;
    }
}
