package io.ticketing.benchmarks;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One kind of load: the requests it sends, measured on its own.
 *
 * @param requests gives the next request's path and query; each client calls it with its own random generator
 */
record Scenario(String name, String description, Requests requests) {

    /** Where a scenario's requests come from. */
    @FunctionalInterface
    interface Requests {

        String next(RandomGenerator random);

        /** Any of these paths, each as likely as the others. */
        static Requests anyOf(List<String> paths) {
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("No requests to send");
            }
            List<String> copy = List.copyOf(paths);
            return random -> copy.get(random.nextInt(copy.size()));
        }
    }
}
