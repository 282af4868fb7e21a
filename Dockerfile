# One image recipe for every service, for an engine or a daemonless builder that runs Dockerfiles (BuildKit, Buildah,
# Kaniko). The fat jar is built beforehand on the host (Maven does not run inside the build: no network there):
#
#   ./mvnw -DskipTests package
#   version=$(./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout)
#   docker build --build-arg SERVICE=catalog-service --build-arg VERSION=$version \
#     --build-arg REVISION=$(git rev-parse HEAD) \
#     -t ticketing/catalog-service:$version -t ticketing/catalog-service:$(git rev-parse --short HEAD) .
#
# SERVICE is all it needs: VERSION and REVISION only label the image (org.opencontainers.image.*), "unknown" without.
#
# Without any engine, `./mvnw -Pimage ...` builds the same service with Jib (see image/README.md).
#
# The jar is unpacked into Spring Boot's layers, least often changed first, so that a new build of the application
# ships only its last layers; then a training run writes the JVM's AOT cache (JEP 483/514) into the image, which
# halves the time to a refreshed context (see image/README.md).
ARG BASE_IMAGE=eclipse-temurin:25-jre-noble

FROM ${BASE_IMAGE} AS layers
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "usage: docker build --build-arg SERVICE=<service-directory> ." >&2; exit 1; }
WORKDIR /build
# The service's repackaged jar, whatever the version: the one <service>-<version>.jar in its target/ (Spring Boot keeps
# the plain jar as .jar.original). A jar of an older version left beside it makes the COPY fail: ./mvnw clean package.
COPY ${SERVICE}/target/${SERVICE}-*.jar service.jar
RUN java -Djarmode=tools -jar service.jar extract --layers --application-filename app.jar --destination layers

FROM ${BASE_IMAGE}
ARG SERVICE
ARG VERSION=unknown
ARG REVISION=unknown

# A fixed numeric uid, so Kubernetes can verify runAsNonRoot without a runAsUser of its own.
RUN groupadd --gid 10001 spring \
 && useradd --uid 10001 --gid spring --home-dir /app --no-create-home --shell /usr/sbin/nologin spring

WORKDIR /app
# Owned by root and read-only to the app user: the process cannot rewrite its own code.
COPY --from=layers /build/layers/dependencies/ ./
COPY --from=layers /build/layers/spring-boot-loader/ ./
COPY --from=layers /build/layers/snapshot-dependencies/ ./
COPY --from=layers /build/layers/application/ ./

# The training run: the context is refreshed with throwaway settings and nothing to connect to, and the JVM writes
# what it loaded and linked to app.aot. It runs in this stage, on the final paths, because the cache is only used
# with the very JVM and class path it was made with (otherwise the JVM starts without it and says so).
COPY image/training.env /tmp/training.env
RUN env $(grep -v '^#' /tmp/training.env | xargs) \
      java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app.jar > /tmp/training.log 2>&1 \
 || { cat /tmp/training.log; exit 1; } \
 ; rm -f /tmp/training.env /tmp/training.log

LABEL org.opencontainers.image.title="${SERVICE}" \
      org.opencontainers.image.description="Ticketing platform: ${SERVICE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
ENV JAVA_OPTS=""
# Logs as JSON lines in Elastic Common Schema (one object per event, with the service, the request id, the trace
# and span ids as fields), for a log pipeline to index; `./ticketing up` keeps readable text on a developer's terminal.
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs

USER 10001:10001

# Heap sized from the container memory limit; an OutOfMemoryError ends the process so the
# orchestrator restarts it instead of leaving a half-dead JVM. JAVA_OPTS comes last and wins.
# `exec` makes the JVM PID 1, so SIGTERM reaches Spring's graceful shutdown; extra arguments
# given to `docker run` are passed on to the application.
ENTRYPOINT ["sh", "-c", "exec java -XX:AOTCache=/app/app.aot -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /app/app.jar \"$@\"", "app"]
