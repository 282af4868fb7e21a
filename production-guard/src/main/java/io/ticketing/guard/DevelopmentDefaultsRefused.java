package io.ticketing.guard;

import java.util.List;

/** A service outside the {@code local} profile found development defaults in effect or secrets missing. */
public final class DevelopmentDefaultsRefused extends IllegalStateException {

    private final List<String> inEffect;

    public DevelopmentDefaultsRefused(List<String> inEffect) {
        super("Outside the local profile this service refuses development defaults and missing secrets: "
                + String.join("; ", inEffect));
        this.inEffect = List.copyOf(inEffect);
    }

    /** One sentence per setting, as {@link DevelopmentDefaults#inEffect} gave them. */
    public List<String> inEffect() {
        return inEffect;
    }
}
