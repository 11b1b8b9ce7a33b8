# syntax=docker/dockerfile:1.7
#
# One image definition for all seven services:
#   docker build --build-arg SERVICE=order --build-arg PORT=3002 -t delivery/order-service .
# SERVICE is the short name (user, order, vendor, driver, payment, tracking, notification);
# PORT is only the documented default and the EXPOSE hint: the service reads $PORT at run time.

ARG JDK_IMAGE=eclipse-temurin:21-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:21-jre-noble

# ---------------------------------------------------------------------------------------------------------
# build: the reactor with the service and the libraries it needs; tests run in CI, not here
# ---------------------------------------------------------------------------------------------------------
FROM ${JDK_IMAGE} AS build
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "build with --build-arg SERVICE=<user|order|vendor|driver|payment|tracking|notification>" >&2; exit 1)
WORKDIR /workspace

# the whole reactor must be readable by Maven (the root pom lists every module), sources come after
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY libs/ libs/
COPY services/ services/
COPY database/ database/
# modules the image does not build still need their pom (Maven reads the whole reactor)
COPY deployment/checks/pom.xml deployment/checks/pom.xml
COPY journeys/pom.xml journeys/pom.xml

RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl services/${SERVICE}-service -am -DskipTests package \
 && cp services/${SERVICE}-service/target/${SERVICE}-service-*.jar /workspace/app.jar

# Spring Boot layers, most stable first, so a code change only replaces the last layer of the image
RUN java -Djarmode=tools -jar /workspace/app.jar extract --layers --launcher --destination /workspace/extracted

# the health check helper (plain JDK, no curl in the runtime image)
COPY docker/healthcheck/HealthCheck.java /workspace/healthcheck/
RUN javac --release 21 -d /workspace/healthcheck/classes /workspace/healthcheck/HealthCheck.java

# ---------------------------------------------------------------------------------------------------------
# runtime: JRE only, non-root, read-only friendly (writes only to /tmp and /var/lib/delivery)
# ---------------------------------------------------------------------------------------------------------
FROM ${JRE_IMAGE} AS runtime
ARG SERVICE
ARG PORT=8080
LABEL org.opencontainers.image.title="${SERVICE}-service" \
      org.opencontainers.image.source="https://github.com/delivery-platform/delivery-platform" \
      org.opencontainers.image.description="Delivery platform ${SERVICE}-service (Spring Boot 4, Java 21)"

RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && mkdir -p /app /var/lib/delivery \
 && chown app:app /var/lib/delivery

WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
COPY --from=build /workspace/healthcheck/classes/ /opt/healthcheck/

ENV PORT=${PORT} \
    SERVICE_NAME=${SERVICE}-service \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/./urandom"

USER 10001:10001
EXPOSE ${PORT}

# readiness, not liveness: Docker/Compose should only route to (and start dependants of) a service that can serve.
# /readyz is the readiness group on the service port itself; /actuator/* lives on the management port (port + 1000)
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["java", "-Xmx16m", "-Xss256k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/opt/healthcheck", "HealthCheck", "/readyz"]

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
