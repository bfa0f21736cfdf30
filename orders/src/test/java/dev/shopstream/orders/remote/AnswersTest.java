package dev.shopstream.orders.remote;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswersTest {

    @Test
    void aServerErrorOrAFirstAttemptStillRunningIsTriedAgainLater() {
        assertThat(Answers.tryAgainLater(503, "")).isTrue();
        assertThat(Answers.tryAgainLater(409, """
                {"type":"https://shopstream.dev/problems/idempotency-key-in-use","status":409,
                 "detail":"The first request with this Idempotency-Key is still being processed; retry later."}"""))
                .isTrue();
    }

    @Test
    void anyOtherConflictOrRefusalIsTheAnswer() {
        assertThat(Answers.tryAgainLater(409, """
                {"type":"https://shopstream.dev/problems/conflict","status":409,"detail":"Already captured"}"""))
                .isFalse();
        assertThat(Answers.tryAgainLater(409, "not json")).isFalse();
        assertThat(Answers.tryAgainLater(409, "[]")).isFalse();
        assertThat(Answers.tryAgainLater(422, "{}")).isFalse();
        assertThat(Answers.tryAgainLater(200, "")).isFalse();
    }
}
