package dev.shopstream.commons.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedVersionTest {

    @Test
    void theVersionReadIsAccepted() {
        assertThatCode(() -> ExpectedVersion.of(3).check(3)).doesNotThrowAnyException();
        assertThatCode(() -> ExpectedVersion.oneOf(Set.of(2L, 3L)).check(3)).doesNotThrowAnyException();
    }

    @Test
    void anotherVersionIsStale() {
        assertThatThrownBy(() -> ExpectedVersion.of(2).check(3))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("current ETag \"3\"");
        assertThatThrownBy(() -> ExpectedVersion.oneOf(Set.of()).check(0)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void anyAcceptsEveryVersion() {
        assertThatCode(() -> ExpectedVersion.any().check(42)).doesNotThrowAnyException();
    }
}
