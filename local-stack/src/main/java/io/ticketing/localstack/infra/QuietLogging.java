package io.ticketing.localstack.infra;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Turns the chatty INFO logging of an in-process Kafka broker down to WARN. Only applies when Logback is
 * the SLF4J backend (the launcher and Spring Boot tests); a configuration that names these loggers
 * explicitly (e.g. {@code logging.level.kafka}) wins if it is applied later.
 */
final class QuietLogging {

    private static final String[] KAFKA_LOGGERS = {"kafka", "state.change.logger", "org.apache.kafka"};
    /** Logs routine start-up ("Performing controller activation") at WARN. */
    private static final String QUORUM_CONTROLLER = "org.apache.kafka.controller.QuorumController";

    private QuietLogging() {
    }

    static void kafka() {
        try {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                for (String name : KAFKA_LOGGERS) {
                    setIfUnset(context, name, Level.WARN);
                }
                setIfUnset(context, QUORUM_CONTROLLER, Level.ERROR);
            }
        } catch (LinkageError noLogback) {
            // another SLF4J backend: leave its configuration alone
        }
    }

    private static void setIfUnset(LoggerContext context, String name, Level level) {
        if (context.getLogger(name).getLevel() == null) {
            context.getLogger(name).setLevel(level);
        }
    }
}
