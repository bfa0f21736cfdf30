package dev.shopstream.commons.web;

import dev.shopstream.commons.domain.StaleVersionException;
import dev.shopstream.commons.problem.PreconditionRequiredException;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @Test
    void aMissingHeaderIsRequired() {
        assertThatThrownBy(() -> IfMatch.required(null)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> IfMatch.required(" ")).isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void aListOfTagsAcceptsEachOfItsVersions() {
        assertThatCode(() -> IfMatch.required("\"4\", \"7\"").check(7)).doesNotThrowAnyException();
        assertThatThrownBy(() -> IfMatch.required("\"4\", \"7\"").check(5)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aStarAcceptsAnyVersion() {
        assertThatCode(() -> IfMatch.required("*").check(12)).doesNotThrowAnyException();
    }

    @Test
    void weakOrForeignTagsMatchNothing() {
        assertThatThrownBy(() -> IfMatch.required("W/\"3\"").check(3)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> IfMatch.required("\"abc\"").check(3)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void anOverlongHeaderIsRefused() {
        String tags = "\"1\", ".repeat(IfMatch.MAX_LENGTH / 5 + 1);
        assertThatThrownBy(() -> IfMatch.required(tags)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(ProblemType.VALIDATION_FAILED);
    }
}
