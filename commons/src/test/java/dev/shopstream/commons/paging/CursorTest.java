package dev.shopstream.commons.paging;

import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void encodedCursorDecodesToTheSameKeys() {
        Cursor cursor = Cursor.of("2026-11-25T10:15:30.123456Z", "0b6f9c1e-3c55-4d2b-9a53-7a1f0f1f2b3c");

        assertThat(Cursor.decode(cursor.encode(), 2)).isEqualTo(cursor);
    }

    @Test
    void encodingIsUrlSafe() {
        assertThat(Cursor.of("a/b+c?d", "é").encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void cursorWithTheWrongNumberOfKeysIsInvalid() {
        assertThatThrownBy(() -> Cursor.decode(Cursor.of("only-one").encode(), 2))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(ProblemType.VALIDATION_FAILED);
    }

    @Test
    void cursorThatIsNotBase64IsInvalid() {
        assertThatThrownBy(() -> Cursor.decode("%%%", 2)).isInstanceOf(ProblemException.class);
    }

    @Test
    void pageFromOneRowMoreThanTheLimitHasANextCursorAtItsLastItem() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 2, Cursor::of);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(Cursor.decode(page.nextCursor(), 1).keys()).containsExactly("b");
    }

    @Test
    void lastPageHasNoNextCursor() {
        Page<String> page = Page.of(List.of("a", "b"), 2, Cursor::of);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isNull();
    }
}
