package dev.shopstream.commons.idempotency;

import java.util.Map;

/** The first response to an idempotent request, kept to be replayed to retries. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {
}
