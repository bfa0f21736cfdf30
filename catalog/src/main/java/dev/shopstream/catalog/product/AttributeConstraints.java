package dev.shopstream.catalog.product;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The rules for product and SKU attributes ({@code {"colour": "red"}}), shared by the JSON API and CSV imports. */
public final class AttributeConstraints {

    public static final String KEY_PATTERN = "[a-z][a-z0-9_-]{0,39}";

    /** The longest key {@link #KEY_PATTERN} allows. */
    public static final int KEY_MAX_LENGTH = 40;

    /** The longest value. */
    public static final int VALUE_MAX_LENGTH = 200;

    private AttributeConstraints() {
    }

    /** Lower-case letters, digits, {@code _} and {@code -}, at most 40, starting with a letter. */
    @NotNull
    @Pattern(regexp = KEY_PATTERN,
            message = "keys are lower-case letters, digits, _ and -, at most 40, starting with a letter")
    @Constraint(validatedBy = {})
    @Target(ElementType.TYPE_USE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Key {
        String message() default "invalid attribute key";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Up to 200 characters, without {@code |} (the CSV list separator). */
    @NotBlank
    @Size(max = VALUE_MAX_LENGTH)
    @Pattern(regexp = "[^|]*", message = "must not contain |")
    @Constraint(validatedBy = {})
    @Target(ElementType.TYPE_USE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Value {
        String message() default "invalid attribute value";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
