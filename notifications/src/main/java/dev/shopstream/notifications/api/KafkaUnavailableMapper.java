package dev.shopstream.notifications.api;

import dev.shopstream.commons.problem.ProblemResponses;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.notifications.deadletter.DeadLetterTopics;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Dead-letter topics that Kafka did not let us read in time: 503 with {@code Retry-After}, not a 500. */
@Provider
public class KafkaUnavailableMapper implements ExceptionMapper<DeadLetterTopics.UnreadableException> {

    private static final Logger LOG = Logger.getLogger(KafkaUnavailableMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(DeadLetterTopics.UnreadableException exception) {
        LOG.warning(() -> "Dead letters unreadable: " + exception.getMessage());
        return ProblemResponses.of(ProblemType.SERVICE_UNAVAILABLE,
                "Kafka did not answer in time; try again shortly.",
                uriInfo == null ? null : uriInfo.getRequestUri().getPath(), List.of(), Map.of("Retry-After", "5"));
    }
}
