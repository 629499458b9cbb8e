package dev.shoal.api.keystone;

import java.time.Instant;
import java.util.List;

/** What Keystone says of a project-scoped token: whose it is, in which project, with which roles, until when. */
record KeystoneToken(String userId, String userName, String projectId, String projectName, List<String> roles,
                     Instant expiresAt) {
}
