package io.ticketing.testsupport;

import java.util.function.Supplier;

/**
 * A value computed once, on first use, by whichever thread asks first. A failure is remembered too:
 * every later test then fails fast with the original cause instead of waiting for another start timeout.
 */
final class Memo<T> implements Supplier<T> {

    private final Supplier<T> computation;
    private T value;
    private RuntimeException failure;

    Memo(Supplier<T> computation) {
        this.computation = computation;
    }

    @Override
    public synchronized T get() {
        if (value == null && failure == null) {
            try {
                value = computation.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new IllegalStateException("Test infrastructure failed to start earlier in this JVM", failure);
        }
        return value;
    }
}
