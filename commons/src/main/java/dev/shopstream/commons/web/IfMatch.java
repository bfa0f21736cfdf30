package dev.shopstream.commons.web;

import dev.shopstream.commons.domain.ExpectedVersion;
import dev.shopstream.commons.problem.PreconditionRequiredException;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;

import java.util.HashSet;
import java.util.Set;

/**
 * Optimistic locking over HTTP, on the way in: an update names in {@code If-Match} the ETag (the entity's
 * {@code @Version}) it was based on. Missing → 428 here; a stale version is the domain's to find
 * ({@link ExpectedVersion#check}, answered 412).
 */
public final class IfMatch {

    /** The longest If-Match accepted, as the OpenAPI documents state; longer → 400. */
    public static final int MAX_LENGTH = 1024;

    private IfMatch() {
    }

    /** The versions a list of strong tags (or {@code *}) names; a tag that is no version matches none. */
    public static ExpectedVersion required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException(
                    "Send If-Match with the ETag you last read, so that concurrent changes are not overwritten.");
        }
        if (ifMatch.length() > MAX_LENGTH) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    "If-Match is longer than " + MAX_LENGTH + " characters; send the one ETag you last read.");
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*")) {
                return ExpectedVersion.any();
            }
            if (candidate.length() > 2 && candidate.startsWith("\"") && candidate.endsWith("\"")) {
                try {
                    versions.add(Long.parseLong(candidate.substring(1, candidate.length() - 1)));
                } catch (NumberFormatException notAVersion) {
                    // Matches no version of ours, as a tag another server made would not.
                }
            }
        }
        return ExpectedVersion.oneOf(versions);
    }
}
