package io.ticketing.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./ticketing status}: the figures an operator looks at first, read from every service's Prometheus endpoint
 * twice, an interval apart: which services answer and at what rate, with how many 5xx; each outbox's backlog and its
 * oldest event, dead letters; holds taken and refused per second and their mean time, live streams, the hot shows'
 * seats; bookings, payments, refunds and mails per second; consumer lag per group and the search index's lag.
 */
final class StatusCommand {

    static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern CONSUMER_CLIENT = Pattern.compile("consumer-(.+)-\\d+");
    private static final Predicate<Map<String, String>> ANY = labels -> true;

    private final Map<ServiceSpec, URI> endpoints;
    private final PrintStream out;

    StatusCommand(Map<ServiceSpec, URI> endpoints, PrintStream out) {
        this.endpoints = endpoints;
        this.out = out;
    }

    /** The local stack's instances of every service, at their management ports on loopback. */
    static StatusCommand local(Replicas replicas, PrintStream out) {
        Map<ServiceSpec, URI> endpoints = new LinkedHashMap<>();
        replicas.instances().forEach(service -> endpoints.put(service, URI.create("http://" + InfraEndpoints.HOST + ":"
                + service.managementPort() + "/actuator/prometheus")));
        return new StatusCommand(endpoints, out);
    }

    /** Scrapes, waits the interval, scrapes again and prints; 1 when no service answered. */
    int run() throws InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            Map<ServiceSpec, Scrape> before = scrapeAll(http);
            long started = System.nanoTime();
            Thread.sleep(INTERVAL);
            Map<ServiceSpec, Scrape> after = scrapeAll(http);
            double seconds = (System.nanoTime() - started) / 1e9;
            print(before, after, seconds);
            return after.values().stream().anyMatch(Scrape::answered) ? 0 : 1;
        }
    }

    private Map<ServiceSpec, Scrape> scrapeAll(HttpClient http) throws InterruptedException {
        Map<ServiceSpec, Scrape> scrapes = new LinkedHashMap<>();
        for (var endpoint : endpoints.entrySet()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.getValue()).timeout(TIMEOUT)
                        .build(), HttpResponse.BodyHandlers.ofString());
                scrapes.put(endpoint.getKey(), response.statusCode() == 200 ? Scrape.parse(response.body()) : Scrape.empty());
            }
            catch (IOException ex) {
                scrapes.put(endpoint.getKey(), Scrape.empty());
            }
        }
        return scrapes;
    }

    void print(Map<ServiceSpec, Scrape> before, Map<ServiceSpec, Scrape> after, double seconds) {
        Rates rates = new Rates(before, after, seconds);
        out.printf("Ticketing at %s, rates over %.1f s%n%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), seconds);
        out.printf(" %-22s %-4s %8s %7s %8s %8s %8s%n", "service", "up", "req/s", "5xx/s", "outbox", "oldest", "dead");
        for (ServiceSpec service : after.keySet()) {
            Scrape now = after.get(service);
            if (!now.answered()) {
                out.printf(" %-22s %-4s%n", service.instanceName(), "no");
                continue;
            }
            boolean gateway = service.name().equals(ServiceSpec.GATEWAY.name());
            out.printf(" %-22s %-4s %8.1f %7.1f %8s %8s %8s%n", service.instanceName(), "yes",
                    rates.of(service, "http_server_requests_seconds_count", ANY),
                    rates.of(service, "http_server_requests_seconds_count", labels -> labels.getOrDefault("status", "")
                            .startsWith("5")),
                    gateway ? "-" : whole(now.sum("ticketing_outbox_backlog")),
                    gateway ? "-" : "%.0f s".formatted(now.sum("ticketing_outbox_oldest_age_seconds")),
                    gateway ? "-" : whole(now.sum("ticketing_dead_letters_unresolved")));
        }
        out.println();
        Scrape reservation = combined(after, "reservation-service");
        double holdTimes = rates.delta("reservation-service", "ticketing_hold_duration_seconds_count", ANY);
        double holdSeconds = rates.delta("reservation-service", "ticketing_hold_duration_seconds_sum", ANY);
        Map<String, Double> refusals = rates.by("reservation-service", "ticketing_holds_total", "code",
                labels -> "refused".equals(labels.get("outcome")));
        line("Holds", "taken %s  refused %s%s  failed %s  mean %s".formatted(
                perSecond(rates.of("reservation-service", "ticketing_holds_total", outcome("taken"))),
                perSecond(refusals.values().stream().mapToDouble(Double::doubleValue).sum()), breakdown(refusals),
                perSecond(rates.of("reservation-service", "ticketing_holds_total", outcome("failed"))),
                holdTimes > 0 ? "%.1f ms".formatted(holdSeconds / holdTimes * 1000) : "-"));
        Scrape waiting = combined(after, "waiting-service");
        line("Streams", "seat maps %s  waiting lists %s  long polls %s".formatted(
                whole(reservation.sum("ticketing_streams_open")), whole(waiting.sum("ticketing_streams_open")),
                whole(waiting.sum("ticketing_long_polls_open"))));
        Map<String, Double> available = showSeats(after, status("available"));
        Map<String, Double> taken = showSeats(after, status("taken"));
        line("Hot shows", available.isEmpty() ? "none changed lately" : available.entrySet().stream()
                .map(show -> "%s %s available, %s taken".formatted(show.getKey(), whole(show.getValue()),
                        whole(taken.getOrDefault(show.getKey(), 0.0))))
                .collect(Collectors.joining("\n" + " ".repeat(15))));
        line("Bookings", "confirmed %s  rejected %s  cancelled %s".formatted(
                perSecond(rates.of("booking-service", "ticketing_bookings_total", outcome("confirmed"))),
                perSecond(rates.of("booking-service", "ticketing_bookings_total", outcome("rejected"))),
                perSecond(rates.of("booking-service", "ticketing_bookings_cancelled_total", ANY))));
        line("Payments", "succeeded %s  failed %s  refunds requested %s  refunds failed %s".formatted(
                perSecond(rates.of("payment-service", "ticketing_payments_total", outcome("succeeded"))),
                perSecond(rates.of("payment-service", "ticketing_payments_total", outcome("failed"))),
                perSecond(rates.of("payment-service", "ticketing_refunds_total", outcome("requested"))),
                perSecond(rates.of("payment-service", "ticketing_refunds_total", outcome("failed")))));
        Scrape notification = combined(after, "notification-service");
        line("Mails", "sent %s  failed %s  pending %s".formatted(
                perSecond(rates.of("notification-service", "ticketing_mails_total", outcome("sent"))),
                perSecond(rates.of("notification-service", "ticketing_mails_total", outcome("failed"))),
                whole(notification.sum("ticketing_mails_pending"))));
        line("Kafka lag", lag(after));
        Scrape catalog = after.getOrDefault(ServiceSpec.byName("catalog-service"), Scrape.empty());
        line("Search", catalog.answered()
                ? "index %.1f s behind the catalog".formatted(catalog.sum("ticketing_search_index_lag_seconds")) : "-");
    }

    /** The samples of every instance of {@code service} that answered, together: their sums add up. */
    private static Scrape combined(Map<ServiceSpec, Scrape> scrapes, String service) {
        return new Scrape(scrapes.entrySet().stream().filter(scrape -> scrape.getKey().name().equals(service))
                .flatMap(scrape -> scrape.getValue().samples().stream()).toList());
    }

    /**
     * The seats of the shows that changed last, by show: every reservation-service instance reports the same figures
     * (from the one Redis) for the shows whose changes it saw, so the instances are merged, not added.
     */
    private static Map<String, Double> showSeats(Map<ServiceSpec, Scrape> scrapes,
            Predicate<Map<String, String>> labels) {
        Map<String, Double> seats = new LinkedHashMap<>();
        scrapes.forEach((service, scrape) -> {
            if (service.name().equals("reservation-service")) {
                scrape.sumBy("ticketing_show_seats", "show", labels).forEach((show, count) -> seats.merge(show, count,
                        Math::max));
            }
        });
        return seats;
    }

    /** Records still to read, per consumer group (Kafka's client id is consumer-<group>-<n>). */
    private static String lag(Map<ServiceSpec, Scrape> scrapes) {
        Map<String, Double> groups = new TreeMap<>();
        scrapes.values().forEach(scrape -> scrape.samples().stream()
                .filter(sample -> sample.name().equals("kafka_consumer_fetch_manager_records_lag"))
                // Kafka also reports each topic under a deprecated name with '_' for '.': every topic here has a '.'
                .filter(sample -> sample.labels().getOrDefault("topic", "").contains("."))
                .filter(sample -> !Double.isNaN(sample.value()))
                .forEach(sample -> {
                    Matcher client = CONSUMER_CLIENT.matcher(sample.labels().getOrDefault("client_id", ""));
                    groups.merge(client.matches() ? client.group(1) : sample.labels().getOrDefault("client_id", "?"),
                            sample.value(), Double::sum);
                }));
        return groups.isEmpty() ? "-" : groups.entrySet().stream()
                .map(group -> group.getKey() + " " + whole(group.getValue())).collect(Collectors.joining(", "));
    }

    private void line(String title, String text) {
        out.printf(" %-13s %s%n", title, text);
    }

    private static Predicate<Map<String, String>> outcome(String outcome) {
        return labels -> outcome.equals(labels.get("outcome"));
    }

    private static Predicate<Map<String, String>> status(String status) {
        return labels -> status.equals(labels.get("status"));
    }

    private static String breakdown(Map<String, Double> perSecond) {
        String codes = perSecond.entrySet().stream().filter(code -> code.getValue() > 0)
                .map(code -> code.getKey() + " " + "%.1f".formatted(code.getValue())).collect(Collectors.joining(", "));
        return codes.isEmpty() ? "" : " (" + codes + ")";
    }

    private static String perSecond(double rate) {
        return "%.1f/s".formatted(rate);
    }

    private static String whole(double value) {
        return "%,.0f".formatted(value);
    }

    /** Per-second increases of counters between the two scrapes (0 where a service did not answer both). */
    private record Rates(Map<ServiceSpec, Scrape> before, Map<ServiceSpec, Scrape> after, double seconds) {

        double delta(ServiceSpec service, String name, Predicate<Map<String, String>> labels) {
            Scrape first = before.getOrDefault(service, Scrape.empty());
            Scrape second = after.getOrDefault(service, Scrape.empty());
            if (!first.answered() || !second.answered()) {
                return 0;
            }
            return Math.max(0, second.sum(name, labels) - first.sum(name, labels));
        }

        /** The increase over every instance of {@code service}. */
        double delta(String service, String name, Predicate<Map<String, String>> labels) {
            return instances(service).mapToDouble(instance -> delta(instance, name, labels)).sum();
        }

        double of(ServiceSpec service, String name, Predicate<Map<String, String>> labels) {
            return delta(service, name, labels) / seconds;
        }

        /** The rate over every instance of {@code service}. */
        double of(String service, String name, Predicate<Map<String, String>> labels) {
            return delta(service, name, labels) / seconds;
        }

        Map<String, Double> by(String service, String name, String label, Predicate<Map<String, String>> labels) {
            Map<String, Double> rates = new TreeMap<>();
            instances(service).forEach(instance -> {
                Scrape first = before.getOrDefault(instance, Scrape.empty());
                Scrape second = after.getOrDefault(instance, Scrape.empty());
                if (first.answered() && second.answered()) {
                    Map<String, Double> earlier = first.sumBy(name, label, labels);
                    second.sumBy(name, label, labels).forEach((value, count) -> rates.merge(value,
                            Math.max(0, count - earlier.getOrDefault(value, 0.0)) / seconds, Double::sum));
                }
            });
            return rates;
        }

        private Stream<ServiceSpec> instances(String service) {
            return after.keySet().stream().filter(instance -> instance.name().equals(service));
        }
    }
}
