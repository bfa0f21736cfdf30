package dev.shopstream.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the identity side holds about a user (GDPR Art. 15 and 20): the profile, other attributes, the kinds of
 * credentials (never their secrets) and the open sessions.
 */
public record AccountExport(Instant exportedAt, Profile profile, Map<String, List<String>> attributes,
                            List<CredentialSummary> credentials, List<String> pendingActions, List<Session> sessions) {

    public record CredentialSummary(String type, String label, Instant createdAt) {
    }
}
