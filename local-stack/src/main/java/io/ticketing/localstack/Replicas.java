package io.ticketing.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many instances of each service the local stack runs ({@code ./ticketing up --replicas}): {@code 2} runs two of
 * every service, {@code reservation=3,gateway=2} three reservation-services, two gateways and one of each other, and
 * {@code 2,catalog=1} two of each but one catalog-service. Every instance of a service shares its database, Redis and
 * Kafka's consumer groups; the gateway spreads requests over the instances behind it, and the services that call
 * another one spread their calls the same way.
 *
 * @param counts instances by service name, every service present
 */
public record Replicas(Map<String, Integer> counts) {

    /** One instance of each service: the default. */
    static final Replicas ONE = parse("1");

    public Replicas {
        counts = Map.copyOf(counts);
    }

    /**
     * Reads {@code --replicas}: comma-separated, a bare number for every service not named, {@code name=n} for one
     * (its short name, {@code reservation}, or its full one, {@code reservation-service}).
     *
     * @throws IllegalArgumentException for anything else, with what is wrong
     */
    public static Replicas parse(String spec) {
        Integer everyService = null;
        Map<String, Integer> named = new LinkedHashMap<>();
        for (String part : spec.split(",", -1)) {
            String item = part.strip();
            int equals = item.indexOf('=');
            if (equals < 0) {
                if (everyService != null) {
                    throw new IllegalArgumentException("--replicas gives the number for every service twice: " + spec);
                }
                everyService = count(item, spec);
                continue;
            }
            String name = item.substring(0, equals).strip();
            ServiceSpec service = ServiceSpec.ALL.stream()
                    .filter(candidate -> candidate.name().equals(name) || candidate.shortName().equals(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("--replicas names no service '" + name
                            + "'; the services: " + ServiceSpec.ALL.stream().map(ServiceSpec::shortName)
                            .collect(Collectors.joining(", "))));
            if (named.put(service.name(), count(item.substring(equals + 1).strip(), spec)) != null) {
                throw new IllegalArgumentException("--replicas names " + service.shortName() + " twice: " + spec);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            counts.put(service.name(), named.getOrDefault(service.name(), everyService == null ? 1 : everyService));
        }
        return new Replicas(counts);
    }

    private static int count(String text, String spec) {
        try {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= ServiceSpec.MAX_INSTANCES) {
                return count;
            }
        }
        catch (NumberFormatException ex) {
            // told below
        }
        throw new IllegalArgumentException("--replicas takes 1 to " + ServiceSpec.MAX_INSTANCES
                + " instances of a service, not '" + text + "': " + spec);
    }

    /** The instances of {@code service} (any instance of it), first one first. */
    List<ServiceSpec> of(ServiceSpec service) {
        List<ServiceSpec> instances = new ArrayList<>();
        for (int number = 1; number <= counts.get(service.name()); number++) {
            instances.add(service.instance(number));
        }
        return instances;
    }

    /** Every instance of every service, the gateway's first. */
    public List<ServiceSpec> instances() {
        return ServiceSpec.ALL.stream().flatMap(service -> of(service).stream()).toList();
    }

    /**
     * The instances numbered {@code number} of every service that has that many: the stack starts them a wave at a
     * time, each wave once the one before is ready, so that a small machine starts seven JVMs at once, not fourteen.
     */
    List<ServiceSpec> wave(int number) {
        return ServiceSpec.ALL.stream().filter(service -> counts.get(service.name()) >= number)
                .map(service -> service.instance(number)).toList();
    }

    /** How many waves: the most instances of any service. */
    int waves() {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** Whether some service runs more than one instance. */
    public boolean scaledOut() {
        return counts.values().stream().anyMatch(count -> count > 1);
    }

    /** The form {@link #parse} reads back: {@code gateway=2,catalog=1,...}. */
    @Override
    public String toString() {
        return ServiceSpec.ALL.stream().map(service -> service.shortName() + "=" + counts.get(service.name()))
                .collect(Collectors.joining(","));
    }
}
