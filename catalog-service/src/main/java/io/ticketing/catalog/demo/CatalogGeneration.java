package io.ticketing.catalog.demo;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one-shot generator ({@code ticketing.catalog.generate.enabled=true}, see {@link GenerateMode}):
 * generates a catalog, loads it, waits until the outbox has handed every event to Kafka — only then do the
 * seat services have everything — prints the summary and ends the JVM: exit code 0 when all was loaded and
 * sent, 1 otherwise.
 */
class CatalogGeneration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogGeneration.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final GenerateProperties properties;
    private final CatalogLoader loader;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConfigurableApplicationContext context;

    CatalogGeneration(GenerateProperties properties, CatalogLoader loader, JdbcClient jdbc, Clock clock,
            ConfigurableApplicationContext context) {
        this.properties = properties;
        this.loader = loader;
        this.jdbc = jdbc;
        this.clock = clock;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        CatalogGenerator.Settings settings = properties.settings();
        log.info("Generating {} shows: {} cities x {} cinemas x {} hall(s) of {} seats x {} show(s) a day "
                + "x {} day(s), seed {}", "%,d".formatted(settings.shows()), settings.cities(),
                settings.cinemasPerCity(), settings.hallsPerCinema(), settings.seatsPerHall(), settings.showsPerDay(),
                settings.days(), settings.seed());
        CatalogDescription catalog = CatalogGenerator.generate(settings, clock.instant());
        LoadReport report = loader.load(catalog);
        long drainStarted = System.nanoTime();
        boolean drained = awaitEmptyOutbox();
        double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
        if (drained) {
            log.info("Outbox empty {} s after loading: every event is in Kafka", "%.1f".formatted(drainSeconds));
        }
        else {
            log.error("Events still in the outbox after {}; the service's outbox resubmitter keeps trying",
                    properties.drainTimeout());
        }
        int exitCode = drained && report.rejected() == 0 ? 0 : 1;
        // a one-shot program: close the context and end the JVM (scheduler threads would keep it alive)
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    private boolean awaitEmptyOutbox() throws InterruptedException {
        long deadline = System.nanoTime() + properties.drainTimeout().toNanos();
        long lastLogged = System.nanoTime();
        while (true) {
            int pending = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                    .query(Integer.class).single();
            if (pending == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() - lastLogged >= PROGRESS_EVERY.toNanos()) {
                lastLogged = System.nanoTime();
                log.info("  waiting for {} events to leave the outbox", "%,d".formatted(pending));
            }
            Thread.sleep(POLL);
        }
    }
}
