package dev.shopstream.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a test platform once for the whole test run and hands it to {@code @BeforeAll} and test methods as a
 * parameter of its type. The platform is kept in the outermost JUnit context, so it stops (it is
 * {@link AutoCloseable}) after the last test class, whichever classes put {@code @ExtendWith(TheSubclass.class)}.
 */
public abstract class PlatformExtension<P extends AutoCloseable> implements BeforeAllCallback, ParameterResolver {

    private final Class<P> type;

    protected PlatformExtension(Class<P> type) {
        this.type = type;
    }

    protected abstract P start();

    private P platform(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(getClass(), key -> start(), type);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform(context);
    }
}
