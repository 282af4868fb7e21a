# One image recipe for every service. The fat jar is built beforehand on the host:
#
#   ./mvnw -DskipTests package
#   docker build --build-arg SERVICE=catalog-service -t ticketing/catalog-service:local .
#
# Maven does not run inside the build (no network there), so this stays a single stage that only
# copies the jar. The Ubuntu-based Temurin JRE ships curl, which the compose health checks use.
FROM eclipse-temurin:21-jre-noble

ARG SERVICE
RUN test -n "${SERVICE}" || { echo "usage: docker build --build-arg SERVICE=<service-directory> ." >&2; exit 1; }

# A fixed numeric uid, so Kubernetes can verify runAsNonRoot without a runAsUser of its own.
RUN groupadd --gid 10001 spring \
 && useradd --uid 10001 --gid spring --home-dir /app --no-create-home --shell /usr/sbin/nologin spring

WORKDIR /app
# Owned by root and read-only to the app user: the process cannot rewrite its own code.
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT.jar /app/app.jar

LABEL org.opencontainers.image.title="${SERVICE}" \
      org.opencontainers.image.description="Ticketing platform: ${SERVICE}"
ENV JAVA_OPTS=""
# Logs as JSON lines in Elastic Common Schema (one object per event, with the service, the request id, the trace
# and span ids as fields), for a log pipeline to index; `./ticketing up` keeps readable text on a developer's terminal.
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs

USER 10001:10001

# Heap sized from the container memory limit; an OutOfMemoryError ends the process so the
# orchestrator restarts it instead of leaving a half-dead JVM. JAVA_OPTS comes last and wins.
# `exec` makes the JVM PID 1, so SIGTERM reaches Spring's graceful shutdown; extra arguments
# given to `docker run` are passed on to the application.
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /app/app.jar \"$@\"", "app"]
