package dev.shopstream.auth.it;

import dev.shopstream.testkit.Mailbox;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Password reset: the same answer for every address, Keycloak's mail for real accounts, and a rate limit. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasswordResetIT extends AuthApiTest {

    @Test
    void aResetMailsTheUpdatePasswordLinkToAnExistingAccount() {
        TestUsers.TestUser customer = users.create("customer");

        HttpResponse<String> response = api.postJson("/api/auth/password-reset", "{\"email\": \"" + customer.email() + "\"}", null);

        assertThat(response.statusCode()).isEqualTo(202);
        String mail = mailbox.awaitMessageTo(customer.email(), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no reset mail"));
        assertThat(Mailbox.actionLink(mail)).contains("/realms/shopstream/login-actions/action-token");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswer() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

        HttpResponse<String> response = api.postJson("/api/auth/password-reset", "{\"email\": \"" + unknown + "\"}", null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anInvalidAddressIsRefused() {
        assertThat(api.postJson("/api/auth/password-reset", "{\"email\": \"no\"}", null).statusCode()).isEqualTo(400);
        assertThat(api.postJson("/api/auth/password-reset", "{}", null).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(Integer.MAX_VALUE) // it empties this address's bucket for the other tests
    void tooManyResetsFromOneAddressAreRateLimited() {
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt <= AuthPlatform.ANONYMOUS_RATE_LIMIT; attempt++) {
            last = api.postJson("/api/auth/password-reset",
                    "{\"email\": \"flood-" + attempt + "@example.test\"}", null);
            if (last.statusCode() == 429) {
                break;
            }
        }

        assertProblem(last, 429, "rate-limited");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }
}
