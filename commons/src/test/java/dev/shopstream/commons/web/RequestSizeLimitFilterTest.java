package dev.shopstream.commons.web;

import dev.shopstream.commons.problem.PayloadTooLargeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestSizeLimitFilterTest {

    @Test
    void bodyUpToTheLimitReadsCompletely() throws Exception {
        InputStream in = new RequestSizeLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);

        assertThat(in.readAllBytes()).hasSize(100);
    }

    @Test
    void readingPastTheLimitFails() {
        InputStream in = new RequestSizeLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("100 bytes");
    }
}
