package dev.shopstream.auth.keycloak;

import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyRuleTest {

    @Test
    void keycloaksMessageKeyNamesTheRealmsPolicyRule() {
        assertThat(PasswordPolicyRule.fromKeycloakError("invalidPasswordMinLengthMessage", "Invalid password: minimum length 12."))
                .hasValue(new PasswordPolicyRule("length", "Invalid password: minimum length 12."));
        assertThat(PasswordPolicyRule.fromKeycloakError("invalidPasswordNotEmailMessage", ""))
                .hasValueSatisfying(rule -> assertThat(rule.rule()).isEqualTo("notEmail"));
        assertThat(PasswordPolicyRule.fromKeycloakError("invalidPasswordHistoryMessage", null))
                .hasValueSatisfying(rule -> assertThat(rule.message()).contains("passwordHistory"));
    }

    @Test
    void otherKeycloakErrorsAreNotPolicyViolations() {
        assertThat(PasswordPolicyRule.fromKeycloakError("unknown_error", "Something else")).isEmpty();
    }

    @Test
    void aViolationIsA422ProblemOnThePasswordField() {
        ProblemException problem = new PasswordPolicyRule("notUsername", "Invalid password: must not be equal to the username.").toProblem();

        assertThat(problem.type()).isEqualTo(ProblemType.UNPROCESSABLE);
        assertThat(problem.getMessage()).contains("'notUsername'");
        assertThat(problem.violations()).singleElement()
                .satisfies(violation -> assertThat(violation.field()).isEqualTo("password"));
    }
}
