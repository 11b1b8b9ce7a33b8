#!/usr/bin/env bash
# Runs the platform's services as separate local processes against the local infrastructure.
#
#   scripts/fleet.sh {start|stop|status|restart} [service ...]     (default: every service below)
#   scripts/fleet.sh demo                                         (demo city into the running fleet: scripts/demo-data.sh)
#   scripts/fleet.sh pay <orderId>                                (plays Stripe: signed payment_intent.succeeded)
#
# start: starts the infrastructure (scripts/infra.sh start), builds the service jars when they are missing or
# older than the sources, starts each service with the `local` profile and a bounded heap (from an unpacked copy of
# its jar in .run/<service>/, with a class-data-sharing archive), waits until every one reports ready, and prints
# its URLs.
# Logs: .run/logs/<service>.log, pids: .run/<service>.pid.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"  # services resolve .infra/ paths from the project root
RUN=$ROOT/.run
LOGS=$RUN/logs
HEAP=${SERVICE_HEAP:-256m}
# more JVM options for every service, e.g. SERVICE_JAVA_OPTS=-XX:TieredStopAtLevel=1 (faster start, slower peak)
read -r -a EXTRA_JAVA_OPTS <<<"${SERVICE_JAVA_OPTS:-}"
READY_TIMEOUT=${READY_TIMEOUT:-300}

# name  http-port  socket.io-port (- when none); each service's actuator (/actuator/prometheus, /actuator/health)
# answers on http-port + 1000 only (management.server.port in its application.yml), the probes /livez and /readyz
# on http-port
SERVICES=(
  "user 3001 -"
  "vendor 3003 -"
  "order 3002 3102"
  "payment 3005 -"
  "tracking 3006 3106"
  "driver 3004 -"
  "notification 3007 -"
)

# local-only credentials for the first admin; real deployments set ADMIN_EMAIL / ADMIN_PASSWORD themselves
export ADMIN_EMAIL=${ADMIN_EMAIL:-admin@delivery.local}
export ADMIN_PASSWORD=${ADMIN_PASSWORD:-Local-Dev-Pass-2026}
export SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-local}
# no rider app sends location heartbeats on a development machine: a driver who goes online by hand (or through the
# demo data) stays matchable for 30 minutes; deployments keep the service default (60 s)
export DRIVER_HEARTBEAT_TTL=${DRIVER_HEARTBEAT_TTL:-30m}

# shellcheck source=scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

selected() {
  local wanted=("$@") entry name
  for entry in "${SERVICES[@]}"; do
    name=${entry%% *}
    if ((${#wanted[@]} == 0)) || [[ " ${wanted[*]} " == *" $name "* ]]; then
      echo "$entry"
    fi
  done
}

jar_of() { ls "$ROOT/services/$1-service/target/$1-service-"*.jar 2>/dev/null | grep -v original | head -1; }

pid_of() {
  local file=$RUN/$1.pid pid
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ -d /proc/$pid ]] && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null && echo "$pid"
}

needs_build() {
  local name=$1 jar migrations
  jar=$(jar_of "$name")
  [[ -z $jar ]] && return 0
  # only what goes into the jar: main sources, the libraries, the common and the service's own migrations
  # (libs/test-support is a test-scope dependency: never in a service jar)
  migrations=$(sed -n 's:.*<service.migrations>\(.*\)</service.migrations>.*:\1:p' "$ROOT/services/$name-service/pom.xml")
  [[ -n $(find "$ROOT/services/$name-service/src/main" "$ROOT/services/$name-service/pom.xml" "$ROOT/libs" \
    "$ROOT/database/migrations/common" ${migrations:+"$ROOT/database/migrations/$migrations"} -newer "$jar" \
    -type f -not -path '*/target/*' -not -path '*/src/test/*' -not -path "$ROOT/libs/test-support/*" \
    -print -quit 2>/dev/null) ]]
}

build() {
  local names=("$@") modules=() name
  for name in "${names[@]}"; do
    needs_build "$name" && modules+=("services/$name-service")
  done
  ((${#modules[@]} == 0)) && return 0
  echo "building ${modules[*]} (tests skipped; run ./mvnw verify for those)"
  # forceCreation: when only a library changed, the jar plugin would keep the old jar (and the old library in it)
  (cd "$ROOT" && ./mvnw -q -B install -DskipTests -Dmaven.jar.forceCreation=true \
    -pl "$(IFS=,; echo "${modules[*]}")" -am)
}

# Runs from an unpacked copy of the jar in .run/<name>/ (the application jar plus lib/, Spring Boot's extract layout):
# a rebuild of target/*.jar while the service runs cannot break its class loading, and plain class-path jars are
# what class-data sharing can archive. Unpacked again only when the built jar changed.
unpack() {
  local name=$1 java_home=$2 jar dir
  jar=$(jar_of "$name")
  dir=$RUN/$name
  if [[ -f $dir/source.jar ]] && cmp -s "$jar" "$dir/source.jar"; then
    return 0
  fi
  rm -rf "$dir"
  "$java_home/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$dir" --application-filename "$name.jar" \
    >/dev/null
  cp -p "$jar" "$dir/source.jar"
}

ready() {
  curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/readyz"
}

start() {
  local entries name port socket java_home pid started_at
  mapfile -t entries < <(selected "$@")
  ((${#entries[@]})) || die "unknown service(s): $*"
  java_home=$(find_jdk21) || exit 1
  "$ROOT/scripts/infra.sh" start
  local names=()
  for entry in "${entries[@]}"; do names+=("${entry%% *}"); done
  build "${names[@]}"
  mkdir -p "$LOGS"
  started_at=$(date +%s)
  for entry in "${entries[@]}"; do
    read -r name port socket <<<"$entry"
    if pid=$(pid_of "$name"); then
      echo "$name: already running (pid $pid)"
      continue
    fi
    ready "$port" && die "port $port already answers but $name was not started by this script; stop that process first"
    unpack "$name" "$java_home"
    # a class-data-sharing archive of the service's classes, written at its first clean stop and used from then on:
    # it starts faster (see docs/PERFORMANCE.md); a new jar gets a new archive
    nohup "$java_home/bin/java" -Xms64m "-Xmx$HEAP" -XX:+UseSerialGC -Xss512k \
      -XX:SharedArchiveFile="$RUN/$name/app.jsa" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off \
      ${EXTRA_JAVA_OPTS[@]+"${EXTRA_JAVA_OPTS[@]}"} -jar "$RUN/$name/$name.jar" >"$LOGS/$name.log" 2>&1 </dev/null &
    echo $! >"$RUN/$name.pid"
  done
  for entry in "${entries[@]}"; do
    read -r name port socket <<<"$entry"
    until ready "$port"; do
      pid_of "$name" >/dev/null || die "$name stopped while starting; see $LOGS/$name.log"
      (($(date +%s) - started_at < READY_TIMEOUT)) || die "$name not ready after ${READY_TIMEOUT}s; see $LOGS/$name.log"
      sleep 1
    done
    echo "$name ready after $(($(date +%s) - started_at)) s"
  done
  echo
  printf '%-14s %-24s %-24s %-38s %s\n' service REST Socket.io "Swagger UI" "metrics (management port)"
  for entry in "${entries[@]}"; do
    read -r name port socket <<<"$entry"
    printf '%-14s %-24s %-24s %-38s %s\n' "$name" "http://127.0.0.1:$port" \
      "$([[ $socket == - ]] && echo - || echo "http://127.0.0.1:$socket")" \
      "http://127.0.0.1:$port/swagger-ui.html" "http://127.0.0.1:$((port + 1000))/actuator/prometheus"
  done
  echo
  echo "admin login (local only): $ADMIN_EMAIL / $ADMIN_PASSWORD"
  echo "logs: $LOGS"
}

stop() {
  local entries name port socket pid
  mapfile -t entries < <(selected "$@")
  for entry in "${entries[@]}"; do
    read -r name port socket <<<"$entry"
    if pid=$(pid_of "$name"); then
      kill "$pid"
      for _ in $(seq 1 30); do pid_of "$name" >/dev/null || break; sleep 1; done
      pid_of "$name" >/dev/null && kill -9 "$pid"
      echo "$name: stopped"
    fi
    rm -f "$RUN/$name.pid"
  done
}

status() {
  local entries name port socket pid rss
  mapfile -t entries < <(selected "$@")
  for entry in "${entries[@]}"; do
    read -r name port socket <<<"$entry"
    if pid=$(pid_of "$name"); then
      rss=$(awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$pid/status")
      printf '%-14s running  pid %-7s :%s  %s  %s\n' "$name" "$pid" "$port" "$rss" \
        "$(ready "$port" && echo ready || echo 'not ready')"
    else
      printf '%-14s stopped\n' "$name"
    fi
  done
}

command=${1:-}
shift || true
case $command in
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status "$@" ;;
  restart) stop "$@"; start "$@" ;;
  demo) exec "$ROOT/scripts/demo-data.sh" "$@" ;;
  pay) exec "$ROOT/scripts/stripe-webhook.sh" succeeded "$@" ;;
  *) die "usage: scripts/fleet.sh {start|stop|status|restart} [service ...] | demo | pay <orderId>" ;;
esac
