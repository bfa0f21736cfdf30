package dev.shopstream.commons.problem;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StaleVersionException;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainExceptionMapperTest {

    @Test
    void eachKindOfRefusalHasItsProblemType() {
        assertThat(DomainExceptionMapper.typeOf(new UnknownEntityException("x"))).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(DomainExceptionMapper.typeOf(new StateConflictException("x"))).isEqualTo(ProblemType.CONFLICT);
        assertThat(DomainExceptionMapper.typeOf(new StaleVersionException("x")))
                .isEqualTo(ProblemType.PRECONDITION_FAILED);
        assertThat(DomainExceptionMapper.typeOf(new RuleViolationException("x"))).isEqualTo(ProblemType.UNPROCESSABLE);
    }
}
