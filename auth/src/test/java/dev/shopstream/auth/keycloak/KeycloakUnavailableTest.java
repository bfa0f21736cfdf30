package dev.shopstream.auth.keycloak;

import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.problem.Problem;
import dev.shopstream.commons.problem.ProblemException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unreachable, slow or circuit-broken Keycloak is a 503 with Retry-After, never a 500. */
class KeycloakUnavailableTest {

    @Test
    void unreachableKeycloakIsA503WithRetryAfter() {
        assertThatThrownBy(() -> KeycloakCalls.translated("User", "u-1", () -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        })).isInstanceOfSatisfying(KeycloakUnavailableException.class, e -> {
            assertThat(((ProblemException) e).type().status()).isEqualTo(503);
            assertThat(e.headers()).containsEntry("Retry-After", "5");
        });
    }

    @Test
    void unknownUserStaysA404NotAnOutage() {
        assertThatThrownBy(() -> KeycloakCalls.translated("User", "u-1", () -> {
            throw new NotFoundException();
        })).isInstanceOf(UnknownEntityException.class).hasMessage("User u-1 does not exist.");
    }

    @Test
    void aRefusedValueCarriesKeycloaksAnswerForTheCallerToExplain() {
        assertThatThrownBy(() -> KeycloakCalls.translated("User", "u-1", () -> {
            throw new BadRequestException(Response.status(400).entity("{\"error\":\"invalidPasswordMinLengthMessage\"}")
                    .build());
        })).isInstanceOfSatisfying(KeycloakRefusedException.class,
                e -> assertThat(e.answer()).isEqualTo("{\"error\":\"invalidPasswordMinLengthMessage\"}"));
    }

    @Test
    void callsCutShortByFaultToleranceAreA503WithRetryAfter() {
        KeycloakUnavailableMapper mapper = new KeycloakUnavailableMapper();
        for (FaultToleranceException cutShort : new FaultToleranceException[]{new TimeoutException("slow"),
                new CircuitBreakerOpenException("open"), new BulkheadException("full")}) {
            Response response = mapper.toResponse(cutShort);

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(response.getEntity()).isInstanceOfSatisfying(Problem.class,
                    problem -> assertThat(problem.type().toString()).endsWith("service-unavailable"));
        }
    }
}
