package io.ticketing.catalog.demo;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

/**
 * Ids derived from stable names (name-based UUIDs), so a description built twice has the same ids and a
 * loader can tell what is already there.
 */
final class StableIds {

    private StableIds() {
    }

    /** The id named by the parts, e.g. {@code of("demo", "city", "NL", "Amsterdam")}. */
    static UUID of(Object... parts) {
        var name = new StringBuilder();
        for (Object part : parts) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A random generator seeded from a seed and a name: the same name always draws the same numbers. */
    static Random random(long seed, Object... parts) {
        UUID id = of(parts);
        return new Random(seed ^ id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 17));
    }
}
