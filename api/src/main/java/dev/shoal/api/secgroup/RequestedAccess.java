package dev.shoal.api.secgroup;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trove's {@code access} of an instance, checked: {@code is_public} and {@code allowed_cidrs}, either absent
 * (null) when the request left it out. One model underneath: the allowed CIDRs are the rules of the node's
 * security group, and without CIDRs a public instance admits the default CIDR and a private one nobody but the
 * host (see {@link #rules}).
 */
public record RequestedAccess(Boolean isPublic, List<Cidr> allowedCidrs) {

    static final int MAX_CIDRS = 50;
    private static final List<String> KEYS = List.of("is_public", "allowed_cidrs");

    /** What a create without {@code access} asks for: open to the default CIDR. */
    public static final RequestedAccess DEFAULT = new RequestedAccess(true, null);

    /** The access of a create request, whose fields Jackson bound already; problems are added under field. */
    public static RequestedAccess of(String field, Boolean isPublic, List<String> allowedCidrs,
                                     List<FieldProblem> problems) {
        return new RequestedAccess(isPublic, cidrs(field + ".allowed_cidrs", allowedCidrs, problems));
    }

    /** The access of a {@code PUT /instances/{id}} body, as the client sent it (a map of JSON values). */
    public static RequestedAccess fromBody(String field, Object body) {
        if (!(body instanceof Map<?, ?> access)) {
            throw ApiException.invalid(field, "must be an object: {\"is_public\": bool, \"allowed_cidrs\": [...]}");
        }
        List<FieldProblem> problems = new ArrayList<>();
        access.keySet().stream().filter(key -> !KEYS.contains(String.valueOf(key))).forEach(key ->
                problems.add(new FieldProblem(field + "." + key, "is unknown; one of " + KEYS)));
        Object isPublic = access.get("is_public");
        if (isPublic != null && !(isPublic instanceof Boolean)) {
            problems.add(new FieldProblem(field + ".is_public", "must be true or false"));
        }
        Object cidrs = access.get("allowed_cidrs");
        List<String> texts = null;
        if (cidrs instanceof List<?> list && list.stream().allMatch(item -> item instanceof String)) {
            texts = list.stream().map(String.class::cast).toList();
        } else if (cidrs != null) {
            problems.add(new FieldProblem(field + ".allowed_cidrs", "must be a list of CIDRs"));
        }
        if (isPublic == null && cidrs == null && problems.isEmpty()) {
            problems.add(new FieldProblem(field, "needs is_public or allowed_cidrs"));
        }
        RequestedAccess requested = new RequestedAccess(isPublic instanceof Boolean value ? value : null,
                cidrs(field + ".allowed_cidrs", texts, problems));
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return requested;
    }

    /**
     * The rules the group is to hold: the allowed CIDRs when some are given; otherwise the default CIDR when the
     * access is public, none when it is private.
     */
    public List<Cidr> rules(boolean publicAccess, Cidr defaultCidr) {
        if (allowedCidrs != null && !allowedCidrs.isEmpty()) {
            return allowedCidrs;
        }
        return publicAccess ? List.of(defaultCidr) : List.of();
    }

    private static List<Cidr> cidrs(String field, List<String> texts, List<FieldProblem> problems) {
        if (texts == null) {
            return null;
        }
        if (texts.size() > MAX_CIDRS) {
            problems.add(new FieldProblem(field, "at most " + MAX_CIDRS + " CIDRs"));
            return null;
        }
        List<Cidr> cidrs = new ArrayList<>();
        Set<Cidr> seen = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            Cidr.Parsed parsed = Cidr.parse(texts.get(i));
            if (parsed.cidr() == null) {
                problems.add(new FieldProblem(field + "[" + i + "]", parsed.problem()));
            } else if (!seen.add(parsed.cidr())) {
                problems.add(new FieldProblem(field + "[" + i + "]", parsed.cidr() + " is given twice"));
            } else {
                cidrs.add(parsed.cidr());
            }
        }
        return cidrs;
    }
}
