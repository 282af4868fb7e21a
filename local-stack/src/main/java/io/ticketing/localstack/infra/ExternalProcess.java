package io.ticketing.localstack.infra;

/**
 * An OS process started by a launcher that may outlive this JVM, with a string its command line is known
 * to contain. The marker is what makes it safe to kill the pid later: pids are reused, markers are not.
 */
public record ExternalProcess(long pid, String marker) {
}
