package io.ticketing.waiting.signals;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Who watches what on this instance, by show: the long polls and streams a notification of a show concerns. A show's
 * set is dropped with its last watcher, atomically, so a watcher added meanwhile is never left in a dropped set.
 */
public final class Watchers<W> {

    private final ConcurrentHashMap<UUID, Set<W>> byShow = new ConcurrentHashMap<>();

    public void add(UUID showId, W watcher) {
        byShow.compute(showId, (show, watchers) -> {
            Set<W> all = watchers == null ? ConcurrentHashMap.newKeySet() : watchers;
            all.add(watcher);
            return all;
        });
    }

    public void remove(UUID showId, W watcher) {
        byShow.computeIfPresent(showId, (show, watchers) -> {
            watchers.remove(watcher);
            return watchers.isEmpty() ? null : watchers;
        });
    }

    /** Each watcher of the show. */
    public void ofShow(UUID showId, Consumer<W> action) {
        Set<W> watchers = byShow.get(showId);
        if (watchers != null) {
            watchers.forEach(action);
        }
    }

    /** Each watcher of every show. */
    public void all(Consumer<W> action) {
        byShow.values().forEach(watchers -> watchers.forEach(action));
    }
}
