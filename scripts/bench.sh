#!/usr/bin/env bash
# Benchmarks (not tests) against service instances of their own, isolated from the fleet (scripts/fleet.sh):
#
#   scripts/bench.sh order    [clients=16] [seconds=30]           OrderPlacementBenchmark   (user, vendor, order)
#       preceded by the raw PostgreSQL ceiling of one checkout's write set: pgbench runs
#       scripts/bench/checkout-write-set.sql (the orders row, two items, the timeline row, the order.created outbox
#       row; then, as the relay does, that row marked published in a second transaction) against orders_bench as the
#       orders role, 15 s at 8 and at 16 clients; the best tx/s is the ceiling. Its rows (vendor_id ...ce11) are
#       deleted before the HTTP run, and the relay's advisory lock is held meanwhile so the bench order-service
#       publishes none of them. Ends with "checkout ratio: <orders/s> / <ceiling tx/s> = <pct>%".
#   scripts/bench.sh payment  [in-flight=64] [seconds=30] [stripe-delay-ms=0]
#                                                                 PaymentIntentBenchmark    (payment + Stripe stand-in)
#   scripts/bench.sh tracking [customers=1000] [drivers=100] [seconds=30] [interval-ms=1000]
#                                                                 TrackingGatewayBenchmark  (tracking)
#   scripts/bench.sh gatling-order  [rate=20] [seconds=60]        loadtest/gatling OrderPlacementSimulation
#   scripts/bench.sh gatling-search [rate=50] [seconds=60]        loadtest/gatling VendorSearchSimulation (200 demo vendors)
#   scripts/bench.sh start <service...> | stop [service...] | status   the bench instances by hand
#   scripts/bench.sh jfr <file.jfr> [from HH:MM:SS] [to HH:MM:SS]  CPU samples of a recording by library
# Knobs: KEEP=1 (leave the instances running), BENCH_JFR=1 (flight recording per service into .run/bench/*.jfr),
#        BENCH_EXTRA_ENV="NAME=value ..." (extra settings for the started services), SERVICE_HEAP
#
# Isolation (the fleet and the journeys use the standard ports and stores at any time):
#   - ports: standard + 10000 (user 13001, order 13002 + Socket.io 13102, vendor 13003, payment 13005,
#     tracking 13006 + Socket.io 13106), management (actuator) ports + 1000 as everywhere (14001-14007); the
#     benchmark mains serve their JWKS / Stripe stand-in on 13090-13091
#   - a private Kafka broker on 127.0.0.1:19092 (data in .run/bench/kafka): bench events never reach the fleet
#   - PostgreSQL databases <db>_bench (owned by the service's usual role), Elasticsearch indices *_bench,
#     MongoDB database tracking_bench, Redis database 1 (Redis pub/sub channels are server-wide, see docs)
#   - own JWT signing key (.run/bench/keys): bench tokens are not accepted by the fleet
# Logs: .run/bench/<service>.log, .run/bench/<benchmark>-<time>.out. Every process started here is stopped at the end
# (the bench services unless KEEP=1). Heap per service: SERVICE_HEAP (default 256m, as the fleet).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BENCH=$ROOT/.run/bench
HEAP=${SERVICE_HEAP:-256m}
KAFKA_PORT=19092
KAFKA_CONTROLLER_PORT=19093
KAFKA_LIB=$ROOT/.infra/kafka/lib

# shellcheck source=scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"
JAVA_HOME_BENCH=$(find_jdk21) || exit 1
JAVA=$JAVA_HOME_BENCH/bin/java

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

mkdir -p "$BENCH" "$BENCH/keys" "$BENCH/jars"

http_port() { case $1 in user) echo 13001 ;; order) echo 13002 ;; vendor) echo 13003 ;; driver) echo 13004 ;;
  payment) echo 13005 ;; tracking) echo 13006 ;; notification) echo 13007 ;; *) die "unknown service $1" ;; esac; }
database() { case $1 in user) echo users ;; order) echo orders ;; vendor) echo vendors ;; driver) echo drivers ;;
  payment) echo payments ;; notification) echo notifications ;; *) echo - ;; esac; }

pid_alive() { [[ -n ${1:-} && -d /proc/$1 ]] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- private Kafka ----------------------------------------------------------------------------------------------
kafka_start() {
  if pid_alive "$(cat "$BENCH/kafka.pid" 2>/dev/null)"; then return 0; fi
  port_open $KAFKA_PORT && die "port $KAFKA_PORT is taken by a process this script did not start"
  [[ -d $KAFKA_LIB ]] || die "no Kafka jars in $KAFKA_LIB: run scripts/infra.sh start kafka once"
  mkdir -p "$BENCH/kafka"
  cat >"$BENCH/kafka/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$BENCH/kafka/data
num.partitions=3
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
log.retention.hours=6
EOF
  if [[ ! -e $BENCH/kafka/data/meta.properties ]]; then
    local id
    id=$("$JAVA" -Xmx128m -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid 2>/dev/null)
    "$JAVA" -Xmx128m -cp "$KAFKA_LIB/*" kafka.tools.StorageTool format -t "$id" -c "$BENCH/kafka/server.properties" \
      >>"$BENCH/kafka.log" 2>&1 || die "formatting the bench Kafka storage failed; see $BENCH/kafka.log"
  fi
  log "kafka: starting a private broker on 127.0.0.1:$KAFKA_PORT"
  nohup "$JAVA" -Xms128m -Xmx384m -XX:+UseSerialGC -cp "$KAFKA_LIB/*" kafka.Kafka "$BENCH/kafka/server.properties" \
    >>"$BENCH/kafka.log" 2>&1 </dev/null &
  echo $! >"$BENCH/kafka.pid"
  for _ in $(seq 1 120); do port_open $KAFKA_PORT && return 0; sleep 1; done
  die "bench Kafka not up after 120 s; see $BENCH/kafka.log"
}

# --- PostgreSQL databases of the bench --------------------------------------------------------------------------
pg_super() {
  if ((EUID == 0)); then (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql "$@")
  else (cd / && sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql "$@"); fi
}

ensure_database() {
  local role=$1 db=$1_bench
  [[ $role == - ]] && return 0
  if [[ -z $(pg_super -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
    log "postgres: creating database $db (owner $role)"
    pg_super -d postgres -c "CREATE DATABASE \"$db\" OWNER \"$role\"" >/dev/null
  fi
  case $role in
    vendors | orders) pg_super -d "$db" -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null ;;
  esac
}

# --- services -----------------------------------------------------------------------------------------------------
jar_of() { ls "$ROOT/services/$1-service/target/$1-service-"*.jar 2>/dev/null | grep -v original | head -1; }

service_env() {
  local name=$1 db
  db=$(database "$name")
  echo "PORT=$(http_port "$name")"
  echo "MANAGEMENT_PORT=$(($(http_port "$name") + 1000))"
  [[ $db != - ]] && echo "DB_NAME=${db}_bench" && echo "DB_USER=$db" && echo "DB_PASSWORD=$db"
  echo "SPRING_PROFILES_ACTIVE=local"
  echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
  echo "SPRING_KAFKA_CONSUMER_GROUP_ID=$name-service-bench"
  echo "SPRING_DATA_REDIS_DATABASE=1"
  echo "PLATFORM_RATELIMIT_ENABLED=false"
  echo "PLATFORM_SECURITY_JWKSURI=${BENCH_JWKS_URI:-http://127.0.0.1:13001/.well-known/jwks.json}"
  echo "ADMIN_EMAIL=admin@delivery.local"
  echo "ADMIN_PASSWORD=Local-Dev-Pass-2026"
  case $name in
    user) echo "USER_JWT_KEY_FILE=$BENCH/keys/user-service-jwt.pem"; echo "LOGIN_MAX_FAILURES=1000000" ;;
    order) echo "ORDER_SOCKET_PORT=13102"; echo "VENDOR_SERVICE_URL=http://127.0.0.1:13003" ;;
    vendor) echo "VENDOR_SEARCH_INDEX=vendors_bench"; echo "MENU_ITEMS_SEARCH_INDEX=menu_items_bench"
      [[ -n ${BENCH_DEMO_VENDORS:-} ]] && echo "VENDOR_DEMO_VENDORS=$BENCH_DEMO_VENDORS" ;;
    payment) echo "STRIPE_SECRET_KEY=${BENCH_STRIPE_KEY:-}"; echo "STRIPE_API_BASE=${BENCH_STRIPE_API_BASE:-https://api.stripe.com}"
      echo "STRIPE_WEBHOOK_SECRET=whsec_bench_local_only" ;;
    tracking) echo "TRACKING_SOCKET_PORT=13106"; echo "MONGODB_URI=mongodb://127.0.0.1:27017/tracking_bench"
      echo "TRACKING_PUBLISH_INTERVAL=5s" ;;
    driver) echo "MONGODB_URI=mongodb://127.0.0.1:27017/drivers_bench"; echo "MONGODB_DATABASE=drivers_bench" ;;
  esac
  # experiments without code changes, e.g. BENCH_EXTRA_ENV="SPRING_KAFKA_LISTENER_CONCURRENCY=3 DB_POOL_SIZE=16"
  local extra
  for extra in ${BENCH_EXTRA_ENV:-}; do echo "$extra"; done
}

# A jar older than anything it is built from (the service's sources, the libraries, the migrations) would benchmark
# code that is no longer there: `test` runs do not repackage it.
jar_stale() {
  [[ -n $(find "$ROOT/services/$1-service/src/main" "$ROOT"/libs/*/src/main "$ROOT/database/migrations" \
    "$ROOT/services/$1-service/pom.xml" -newer "$2" -type f -print -quit 2>/dev/null) ]]
}

service_start() {
  local name=$1 port jar pid
  port=$(http_port "$name")
  if pid_alive "$(cat "$BENCH/$name.pid" 2>/dev/null)"; then log "$name: already running"; return 0; fi
  port_open "$port" && die "port $port already answers but $name was not started by this script"
  jar=$(jar_of "$name")
  if [[ -z $jar ]] || jar_stale "$name" "$jar"; then
    log "$name: building the jar${jar:+ (sources or migrations are newer than it)}"
    ensure_libs
    ./mvnw -B -q package -DskipTests -pl "services/$name-service"
    jar=$(jar_of "$name")
  fi
  # a copy: a rebuild of services/*/target by someone else must not pull the jar from under a running JVM
  cp "$jar" "$BENCH/jars/$name-service.jar"
  ensure_database "$(database "$name")"
  log "$name: starting on $port (heap $HEAP)"
  # shellcheck disable=SC2046
  env $(service_env "$name") nohup "$JAVA" -Xms64m "-Xmx$HEAP" -XX:+UseSerialGC -Xss512k \
    ${BENCH_JFR:+-XX:StartFlightRecording=filename=$BENCH/$name-$(date -u +%H%M%S).jfr,settings=profile,dumponexit=true} \
    -jar "$BENCH/jars/$name-service.jar" >"$BENCH/$name.log" 2>&1 </dev/null &
  echo $! >"$BENCH/$name.pid"
}

service_wait() {
  local name=$1 port started
  port=$(http_port "$name")
  started=$(date +%s)
  until curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/readyz"; do
    pid_alive "$(cat "$BENCH/$name.pid")" || die "$name stopped while starting; see $BENCH/$name.log"
    (($(date +%s) - started < 300)) || die "$name not ready after 300 s; see $BENCH/$name.log"
    sleep 1
  done
  log "$name: ready after $(($(date +%s) - started)) s (pid $(cat "$BENCH/$name.pid"))"
}

start() {
  kafka_start
  local name
  for name in "$@"; do service_start "$name"; done
  for name in "$@"; do service_wait "$name"; done
}

stop_pid_file() {
  local file=$1 pid
  pid=$(cat "$file" 2>/dev/null) || return 0
  if pid_alive "$pid"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do pid_alive "$pid" || break; sleep 1; done
    pid_alive "$pid" && kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$file"
}

stop() {
  local file name
  if (($#)); then
    for name in "$@"; do stop_pid_file "$BENCH/$name.pid"; done
    return 0
  fi
  for file in "$BENCH"/*.pid; do
    [[ -e $file ]] || continue
    [[ $file == */kafka.pid ]] && continue
    stop_pid_file "$file"
  done
  stop_pid_file "$BENCH/kafka.pid"
  rm -rf "$BENCH/jars" # ~100 MB per service; copied again on the next start
  log "bench processes stopped"
}

status() {
  local file pid
  for file in "$BENCH"/*.pid; do
    [[ -e $file ]] || continue
    pid=$(cat "$file")
    if pid_alive "$pid"; then
      printf '%-10s pid %-7s RSS %s\n' "$(basename "$file" .pid)" "$pid" \
        "$(awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$pid/status")"
    fi
  done
}

# --- the benchmark mains: compiled alone from src/test/java/**/bench, on the module's test class path -----------
# The class path and the jars come from the local Maven repository, where `./mvnw verify` (the README's test
# command, .ci/run) installs nothing: install the project's own libraries (and the parent poms) there once, and
# again whenever their sources are newer than what is installed.
libs_installed() {
  local marker=$HOME/.m2/repository/com/delivery/service-kit/0.1.0-SNAPSHOT/service-kit-0.1.0-SNAPSHOT.jar
  [[ -s $marker ]] || return 1
  [[ -z $(find "$ROOT/libs" "$ROOT/pom.xml" "$ROOT/services/pom.xml" -newer "$marker" \( -name '*.java' -o \
    -name '*.xml' -o -name '*.yml' -o -name '*.sql' -o -name '*.imports' \) -not -path '*/target/*' -print -quit) ]]
}

ensure_libs() {
  if ! libs_installed; then
    # on stderr: classpath() runs inside $(...), where stdout is the class path
    log "installing the project's libraries into the local Maven repository (once; ./mvnw verify does not)" >&2
    ./mvnw -B -q install -DskipTests -pl libs/common-events,libs/test-support,libs/service-kit,libs/realtime,services \
      -am >&2
  fi
}

classpath() {
  local module=services/$1-service cp=$BENCH/$1.classpath
  ensure_libs
  if [[ ! -s $cp || $module/pom.xml -nt $cp ]]; then
    ./mvnw -B -q -pl "$module" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
  fi
  cat "$cp"
}

compile_bench() {
  local name=$1 out=$BENCH/classes/$1
  rm -rf "$out"; mkdir -p "$out"
  "$JAVA_HOME_BENCH/bin/javac" -nowarn -d "$out" -cp "$(classpath "$name")" \
    $(find "services/$name-service/src/test/java" -path '*/bench/*.java')
  echo "$out:$(classpath "$name")"
}

run_main() {
  local service=$1 class=$2; shift 2
  local cp out
  cp=$(compile_bench "$service")
  out=$BENCH/$(echo "${class##*.}" | tr '[:upper:]' '[:lower:]')-$(date -u +%Y%m%dT%H%M%S).out
  # the clients' own logging (Kafka producer, WireMock, OkHttp) at WARN: the output is the numbers
  cat >"$BENCH/logback-bench.xml" <<'XML'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="OUT"/></root>
</configuration>
XML
  RUN_MAIN_OUT=$out
  log "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  "$JAVA" ${BENCH_MAIN_OPTS:--Xmx1g} -Dlogback.configurationFile="$BENCH/logback-bench.xml" -cp "$cp" "$class" "$@" \
    2>&1 | tee "$out"
  log "load after the run: $(cut -d' ' -f1-3 /proc/loadavg); output in $out"
}

# --- the raw PostgreSQL ceiling of one checkout's write set (pgbench; see scripts/bench/checkout-write-set.sql) ---
CEILING_SCRIPT=$ROOT/scripts/bench/checkout-write-set.sql
CEILING_VENDOR=00000000-0000-0000-0000-00000000ce11 # the marker every row of the script carries
OUTBOX_RELAY_LOCK=185359898                         # OutboxRelay.LOCK_KEY (0x0B0C5E1A), per database
CEILING_DB= CEILING_TPS= CEILING_RUNS= RELAY_LOCK_PROC= RUN_MAIN_OUT=

# psql as the orders role over TCP, as the service connects
orders_sql() {
  local db=$1; shift
  (cd / && PGPASSWORD=orders psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U orders -d "$db" "$@")
}

# The outbox relay publishes every committed row whose published_at is NULL, pgbench's between its two transactions
# too (and vendor-service would answer them). Holding the relay's advisory lock keeps the bench order-service's relay
# idle: a psql session on a pipe; closing the pipe (or this script ending) ends the session and the lock.
relay_hold() {
  local db=$1 line=
  coproc RELAY_LOCK { cd / && PGPASSWORD=orders exec psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -U orders \
    -d "$db" 2>&1; }
  RELAY_LOCK_PROC=$RELAY_LOCK_PID RELAY_LOCK_IN=${RELAY_LOCK[1]} RELAY_LOCK_OUT=${RELAY_LOCK[0]}
  printf "SELECT 'locked' FROM pg_advisory_lock(%d);\n" "$OUTBOX_RELAY_LOCK" >&"$RELAY_LOCK_IN"
  read -r -t 60 line <&"$RELAY_LOCK_OUT" || true
  [[ $line == locked ]] && return 0
  log "cannot hold the outbox relay's lock in $db: ${line:-no answer in 60 s}"
  relay_release
  return 1
}

relay_release() {
  [[ -n $RELAY_LOCK_PROC ]] || return 0
  exec {RELAY_LOCK_IN}>&- {RELAY_LOCK_OUT}<&-
  wait "$RELAY_LOCK_PROC" 2>/dev/null || true
  RELAY_LOCK_PROC=
}

# the script's rows: outbox rows by their order's id, then the orders (items and timeline go with them: cascade);
# VACUUM so the dead rows cost the HTTP run nothing (no autovacuum of them during it)
ceiling_clean() {
  orders_sql "$1" -c "DELETE FROM outbox WHERE aggregate_id IN
      (SELECT id::text FROM orders WHERE vendor_id = '$CEILING_VENDOR')" \
    -c "DELETE FROM orders WHERE vendor_id = '$CEILING_VENDOR'" \
    -c 'VACUUM (ANALYZE) orders, order_items, order_events, outbox'
}

# checkout_ceiling <db> <seconds> <clients...>: sets CEILING_TPS (the best tx/s; empty if none was measured)
checkout_ceiling() {
  local db=$1 seconds=$2 clients out tps latency
  shift 2
  CEILING_TPS= CEILING_RUNS=
  if ! command -v pgbench >/dev/null; then
    log "write-set ceiling: no pgbench on PATH (PostgreSQL client tools): skipped"
    return 0
  fi
  relay_hold "$db" || { log "write-set ceiling: skipped"; return 0; }
  CEILING_DB=$db
  ceiling_clean "$db" # rows an interrupted earlier run left behind
  log "load before the write-set ceiling: $(cut -d' ' -f1-3 /proc/loadavg)"
  for clients in "$@"; do
    out=$BENCH/checkout-write-set-c$clients-$(date -u +%Y%m%dT%H%M%S).out
    if (cd / && PGPASSWORD=orders pgbench -n -c "$clients" -j 2 -T "$seconds" -M prepared -f "$CEILING_SCRIPT" \
      -h 127.0.0.1 -U orders "$db") >"$out" 2>&1; then
      # "tps = N (without initial connection time)"; up to PostgreSQL 13 "(excluding connections establishing)"
      tps=$(awk '/^tps = / {t = $3} /^tps = .*(without initial|excluding)/ {x = $3}
        END {if (x != "") t = x; if (t != "") printf "%.1f", t}' "$out")
      latency=$(awk '/^latency average/ {print $4 " " $5}' "$out")
    else
      tps=
    fi
    if [[ -z $tps ]]; then
      log "write-set ceiling: pgbench failed at $clients clients; see $out"
      tail -5 "$out" >&2
      continue
    fi
    log "write-set ceiling: $clients clients, $seconds s: $tps tx/s (latency ${latency:-?}; output in $out)"
    CEILING_RUNS+="${CEILING_RUNS:+, }$clients clients $tps tx/s"
    if awk -v a="$tps" -v b="${CEILING_TPS:-0}" 'BEGIN {exit !(a > b)}'; then CEILING_TPS=$tps; fi
  done
  ceiling_clean "$db"
  relay_release
  CEILING_DB=
  log "load after the write-set ceiling: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# settle_load: waits (up to BENCH_SETTLE_SECONDS, 240) for the 1-minute load average to fall below 1.5 again after
# the ceiling run, so the HTTP benchmark starts on a quiet machine as its numbers require; says what it got
settle_load() {
  local waited=0 limit=${BENCH_SETTLE_SECONDS:-240}
  while (( waited < limit )) && awk '{exit !($1 >= 1.5)}' /proc/loadavg; do
    sleep 5; waited=$((waited + 5))
  done
  log "load after settling ${waited} s: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# checkout_ratio <benchmark output>: the orders/s of OrderPlacementBenchmark against the ceiling; into the output too
checkout_ratio() {
  local out=$1 rate
  # "  created 840 = 27.8 orders/s; p50 ..." (Locale.ROOT); the timed run's line is the last such
  rate=$(sed -n 's/^ *created [0-9]* = \([0-9][0-9.]*\) orders\/s.*/\1/p' "$out" | tail -1)
  {
    echo
    echo "write-set ceiling (pgbench, scripts/bench/checkout-write-set.sql): ${CEILING_RUNS:-not measured}"
    if [[ -z $rate ]]; then
      echo "checkout ratio: no orders/s in $out"
    elif [[ -z $CEILING_TPS ]]; then
      echo "checkout ratio: $rate orders/s, no ceiling measured"
    else
      echo "checkout ratio: $rate / $CEILING_TPS = $(awk -v o="$rate" -v c="$CEILING_TPS" \
        'BEGIN {printf "%.1f", 100 * o / c}')%"
    fi
  } | tee -a "$out"
}

gatling() {
  local simulation=$1; shift
  local out=$BENCH/gatling-${simulation,,}-$(date -u +%Y%m%dT%H%M%S).out
  log "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  ./mvnw -B -f loadtest/gatling/pom.xml gatling:test -Dgatling.simulationClass=com.delivery.loadtest.$simulation \
    -DuserUrl=http://127.0.0.1:13001 -DorderUrl=http://127.0.0.1:13002 -DvendorUrl=http://127.0.0.1:13003 \
    -DpaymentUrl=http://127.0.0.1:13005 "$@" 2>&1 | tee "$out" || true
  log "load after the run: $(cut -d' ' -f1-3 /proc/loadavg); output in $out"
}

# CPU samples of a flight recording by library: each sample counts for the first frame (from the top of the stack)
# that belongs to a known library; JDK frames count for their caller. Optional HH:MM:SS window (UTC, as recorded).
jfr_libraries() {
  local file=$1 from=${2:-00:00:00} to=${3:-99:99:99}
  [[ -f $file ]] || die "no recording $file"
  "$JAVA_HOME_BENCH/bin/jfr" print --events jdk.ExecutionSample --stack-depth 96 "$file" | python3 -c '
import re, sys, collections
lo, hi = sys.argv[1], sys.argv[2]
cats = [("JSON (Jackson)", r"tools\.jackson|com\.fasterxml\.jackson"), ("logging", r"ch\.qos\.logback|org\.slf4j"),
  ("JWT / RSA", r"com\.nimbusds|java\.math\.BigInteger|sun\.security\.rsa"), ("PostgreSQL JDBC", r"org\.postgresql"),
  ("Hikari", r"com\.zaxxer\.hikari"), ("Hibernate / JPA", r"org\.hibernate|org\.springframework\.orm|org\.springframework\.data\.jpa"),
  ("Kafka client", r"org\.apache\.kafka"), ("Redis (Lettuce)", r"io\.lettuce"), ("MongoDB driver", r"com\.mongodb|org\.bson"),
  ("HTTP client (vendor quote, Stripe SDK)", r"jdk\.internal\.net\.http|org\.springframework\.web\.client|com\.stripe|sun\.net\.www"),
  ("Micrometer", r"io\.micrometer"), ("Spring Security", r"org\.springframework\.security"),
  ("Tomcat", r"org\.apache\.(tomcat|coyote|catalina)"), ("Netty / socket.io", r"io\.netty|com\.corundumstudio"),
  ("Spring (MVC, AOP, beans, Boot loader)", r"org\.springframework"), ("service code", r"com\.delivery")]
counts, frames, keep, total = collections.Counter(), [], True, 0
def flush():
    global total
    if not frames or not keep:
        return
    total += 1
    for f in frames:
        for name, rx in cats:
            if re.search(rx, f):
                counts[name] += 1
                return
    counts["JDK only"] += 1
for line in sys.stdin:
    s = line.strip()
    if s.startswith("jdk.ExecutionSample"):
        flush(); frames = []
    elif s.startswith("startTime ="):
        t = s.split("=")[1].strip()[:8]
        keep = lo <= t <= hi
    elif "(" in s and ("line:" in s or s.endswith(")")):
        frames.append(s)
flush()
for name, n in counts.most_common():
    print("%5.1f%%  %6d  %s" % (100.0 * n / max(total, 1), n, name))
print("samples:", total)
' "$from" "$to"
}

cleanup() {
  # interrupted during the ceiling: its rows go before the relay may see them
  if [[ -n $CEILING_DB ]]; then
    ceiling_clean "$CEILING_DB" || true
    relay_release
  fi
  [[ ${KEEP:-0} == 1 ]] || stop
}

command=${1:-}
shift || true
case $command in
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status ;;
  jfr) jfr_libraries "$@" ;;
  order)
    trap cleanup EXIT
    start user vendor order
    # the schema is migrated now; the ceiling's rows are gone again before the HTTP run
    checkout_ceiling orders_bench 15 8 16
    settle_load
    run_main order com.delivery.order.bench.OrderPlacementBenchmark http://127.0.0.1:13001 http://127.0.0.1:13003 \
      http://127.0.0.1:13002 "${1:-16}" "${2:-30}" "$BENCH/order.pid"
    checkout_ratio "$RUN_MAIN_OUT"
    ;;
  payment)
    trap cleanup EXIT
    # the benchmark main serves the JWKS (13091) and the Stripe stand-in (13090) the instance is pointed at
    BENCH_JWKS_URI=http://127.0.0.1:13091/jwks.json BENCH_STRIPE_KEY=sk_test_bench_stand_in_only \
      BENCH_STRIPE_API_BASE=http://127.0.0.1:13090 start payment
    run_main payment com.delivery.payment.bench.PaymentIntentBenchmark http://127.0.0.1:13005 127.0.0.1:$KAFKA_PORT \
      "${1:-64}" "${2:-30}" "$BENCH/payment.pid" "${3:-0}"
    ;;
  tracking)
    trap cleanup EXIT
    BENCH_JWKS_URI=http://127.0.0.1:13091/jwks.json start tracking
    BENCH_MAIN_OPTS=${BENCH_MAIN_OPTS:--Xmx2g -Xss256k} run_main tracking \
      com.delivery.tracking.bench.TrackingGatewayBenchmark http://127.0.0.1:13006 http://127.0.0.1:13106 \
      127.0.0.1:$KAFKA_PORT "${1:-1000}" "${2:-100}" "${3:-30}" "${4:-1000}" "$BENCH/tracking.pid"
    ;;
  gatling-order)
    trap cleanup EXIT
    start user vendor order
    # the order benchmark's fixtures (vendors near Berlin with menus and stock), through the public API
    run_main order com.delivery.order.bench.OrderPlacementBenchmark http://127.0.0.1:13001 http://127.0.0.1:13003 \
      http://127.0.0.1:13002 1 0 "$BENCH/order.pid" >/dev/null
    gatling OrderPlacementSimulation -Drate="${1:-20}" -DdurationSeconds="${2:-60}" -DrampSeconds=10 -Dcustomers=20
    ;;
  gatling-search)
    trap cleanup EXIT
    BENCH_DEMO_VENDORS=${BENCH_DEMO_VENDORS:-200} start vendor
    gatling VendorSearchSimulation -Drate="${1:-50}" -DdurationSeconds="${2:-60}" -DrampSeconds=10
    ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 2 ;;
esac
