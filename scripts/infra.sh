#!/usr/bin/env bash
# Local infrastructure for the delivery platform, without Docker.
#
#   scripts/infra.sh {start|stop|status|restart} [component ...]
#   components: postgres redis kafka elasticsearch mongodb (default: all)
#
# Every server binds to 127.0.0.1 on its standard port. A server that already answers on its port is
# reused, never restarted. Data, logs and pid files live in the git-ignored .infra/ folder:
#   .infra/data/<component>   .infra/logs/<component>.log   .infra/run/<component>.pid
#   .infra/<component>/        jars and generated config (Kafka, Elasticsearch, MongoDB-protocol server)
# How each server runs on these machines is described in shared/infra/README.md.
#
#   postgres       Debian package (installed if missing, with the matching postgresql-<major>-postgis-3);
#                  per-service role + database (password = name), PostGIS where needed, max_connections >= 300
#   redis          Debian redis-server, no persistence
#   kafka          Kafka 4.1.2 KRaft broker+controller from Maven Central jars (infra/kafka/pom.xml)
#   elasticsearch  Elasticsearch 9.2.2 node from Maven Central jars (infra/elasticsearch/), needs JDK 21+
#   mongodb        $MONGODB_URI if set (only checked), else mongod if on PATH, else mongo-java-server
#                  (infra/mongodb/, in-memory: no geo queries, no $text, no transactions)
#
# `stop` only stops what this script started; servers it merely reused are left running.

# shellcheck disable=SC2016  # single-quoted scripts for `bash -c` expand in the child shell, on purpose
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INFRA=$ROOT/.infra
DATA=$INFRA/data
LOGS=$INFRA/logs
RUN=$INFRA/run
HOST=127.0.0.1

ALL_COMPONENTS=(postgres redis kafka elasticsearch mongodb)

PG_PORT=5432
REDIS_PORT=6379
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
ES_PORT=9200
MONGO_PORT=27017

# one role + database per service (password = name); `kit` is used by the shared library tests
PG_DATABASES=(users orders vendors drivers payments notifications kit)
PG_POSTGIS_DATABASES=(vendors orders kit)
PG_MIN_CONNECTIONS=300

# seconds to wait for each server to answer
declare -A READY_TIMEOUT=([postgres]=60 [redis]=20 [kafka]=120 [elasticsearch]=120 [mongodb]=30)

# shellcheck source=scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

# ---------------------------------------------------------------------------------------------------------
# generic helpers
# ---------------------------------------------------------------------------------------------------------

info() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

now_us() { echo "${EPOCHREALTIME/[.,]/}"; }

# seconds since a now_us timestamp, one decimal
seconds_since() {
  local us=$(($(now_us) - $1))
  printf '%d.%d' $((us / 1000000)) $(((us / 100000) % 10))
}

have() { command -v "$1" >/dev/null 2>&1; }

# run a command as root (directly when root, else through sudo)
as_root() {
  if ((EUID == 0)); then "$@"; else sudo "$@"; fi
}

# run a command as the postgres OS user (peer/trust auth over the local socket)
as_postgres() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

APT_UPDATED=
apt_install() {
  local log=$LOGS/apt.log
  info "  installing Debian packages: $* (log: $log)"
  if [[ -z $APT_UPDATED ]]; then
    as_root apt-get update >>"$log" 2>&1 || die "apt-get update failed; see $log"
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$log" 2>&1 ||
    die "apt-get install $* failed; see $log"
}

# port_open <port> [host]: something accepts TCP connections there
port_open() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "${2:-$HOST}" "$1" 2>/dev/null
}

pid_file() { echo "$RUN/$1.pid"; }

# proc_running <pid>: the process exists and is not a zombie (PID 1 here reaps orphans only about once a second)
proc_running() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

# our_pid <component> <expected process name>: the live pid this script recorded for the component
our_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -r $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/comm && $(<"/proc/$pid/comm") == "$2"* ]] && proc_running "$pid" || return 1
  echo "$pid"
}

# pid_on_port <port>: pid of the process listening on 127.0.0.1:<port>, when ss can tell
pid_on_port() {
  have ss || return 1
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1 | grep .
}

# rss_mb <pid>: resident memory of the process and its children, in MB
rss_mb() {
  local pid=$1 kb
  kb=$({ ps -o rss= -p "$pid"; ps -o rss= --ppid "$pid"; } 2>/dev/null | awk '{s += $1} END {print s + 0}')
  echo $((kb / 1024))
}

# launch <component> <command...>: run a server in the background, detached from this shell, with its
# output in .infra/logs/<component>.log and its pid in .infra/run/<component>.pid
launch() {
  local comp=$1 log=$LOGS/$1.log pidf
  pidf=$(pid_file "$comp")
  shift
  printf '\n===== %s starting: %s\n' "$(date -Is)" "$*" >>"$log"
  rm -f "$pidf"
  # the inner shell writes its own pid, then becomes the server (exec), so the pid file is the server's
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@" </dev/null >>"$log" 2>&1 &
  local i
  for i in {1..50}; do
    [[ -s $pidf ]] && return 0
    sleep 0.1
  done
  die "$comp: the process did not start; see $log"
}

# wait_ready <component> <process name or -> <check command...>: poll the check until it succeeds; fail fast
# when the process we started dies, or after the component's timeout, pointing to its log
wait_ready() {
  local comp=$1 pname=$2 timeout=${READY_TIMEOUT[$1]} started
  shift 2
  started=$(now_us)
  until "$@"; do
    if [[ $pname != - && -e $(pid_file "$comp") ]] && ! our_pid "$comp" "$pname" >/dev/null; then
      start_failed "$comp" "the process exited before it answered"
    fi
    if (($(now_us) - started > timeout * 1000000)); then
      start_failed "$comp" "it did not answer within ${timeout} s"
    fi
    sleep 0.25
  done
}

start_failed() {
  local comp=$1 reason=$2 log=$LOGS/$1.log
  printf 'error: %s: %s. Log: %s\n' "$comp" "$reason" "$log" >&2
  if [[ -s $log ]]; then
    printf -- '--- last lines of %s ---\n' "$log" >&2
    tail -n 20 "$log" >&2
  fi
  exit 1
}

# stop_ours <component> <process name> <port...>: SIGTERM the process we started, wait until it has exited
# and its ports are closed (SIGKILL after 60 s)
stop_ours() {
  local comp=$1 pname=$2 pid port i
  shift 2
  if ! pid=$(our_pid "$comp" "$pname"); then
    rm -f "$(pid_file "$comp")"
    if port_open "$1"; then
      info "$comp: not started by this script (port $1 is served by another process): left running"
    else
      info "$comp: already stopped"
    fi
    return 0
  fi
  local t0
  t0=$(now_us)
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 600; i++)); do
    proc_running "$pid" || break
    sleep 0.1
  done
  if proc_running "$pid"; then
    warn "$comp: pid $pid still running after 60 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  for port in "$@"; do
    for ((i = 0; i < 40; i++)); do
      port_open "$port" || break
      sleep 0.25
    done
    port_open "$port" && die "$comp: port $port is still open after stopping pid $pid"
  done
  rm -f "$(pid_file "$comp")"
  info "$comp: stopped (pid $pid) in $(seconds_since "$t0") s"
}

# require_jdk: sets JDK to a JDK 21+ home (Kafka, Elasticsearch and the MongoDB-protocol server run on it)
JDK=
require_jdk() {
  [[ -n $JDK ]] && return 0
  JDK=$(find_jdk21) || die "a JDK 21+ is needed to run Kafka, Elasticsearch and the MongoDB-protocol server"
}

# maven_build <component> <project dir> <output dir> <maven args...>: build a standalone helper project under
# infra/ into <output dir>, once, and again only when the project's files change (stamp file)
maven_build() {
  local comp=$1 project=$2 out=$3 stamp log=$LOGS/$1-build.log
  shift 3
  stamp=$(cd "$project" && find . -path ./target -prune -o -type f -print | LC_ALL=C sort | xargs sha1sum | sha1sum)
  if [[ -r $out/.build-stamp && $(<"$out/.build-stamp") == "$stamp" ]]; then
    return 0
  fi
  info "  $comp: fetching jars with Maven (first run only, log: $log)"
  rm -rf "$out"
  mkdir -p "$out"
  local t0
  t0=$(now_us)
  require_jdk
  (cd "$ROOT" && JAVA_HOME=$JDK ./mvnw -B -q -f "$project/pom.xml" package "$@") >"$log" 2>&1 ||
    start_failed "$comp-build" "Maven could not build $project"
  echo "$stamp" >"$out/.build-stamp"
  info "  $comp: jars ready in $(seconds_since "$t0") s"
}

# ---------------------------------------------------------------------------------------------------------
# postgres: the machine's Debian cluster; this script installs/starts it if needed and provisions it
# ---------------------------------------------------------------------------------------------------------

postgres_alive() {
  if have pg_isready; then
    pg_isready -q -h "$HOST" -p "$PG_PORT"
  else
    port_open "$PG_PORT"
  fi
}

# newest PostgreSQL major whose server binaries are installed
pg_installed_major() {
  local server major=0
  for server in /usr/lib/postgresql/*/bin/postgres; do
    [[ -x $server ]] || continue
    server=${server#/usr/lib/postgresql/}
    server=${server%%/*}
    if [[ $server =~ ^[0-9]+$ ]] && ((server > major)); then major=$server; fi
  done
  ((major > 0)) && echo "$major"
}

# "<major> <cluster>" of the Debian cluster on our port
pg_cluster_on_port() {
  have pg_lsclusters || return 1
  pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port {print $1, $2; exit}' | grep .
}

postgres_launch() {
  local major cluster
  if ! major=$(pg_installed_major) || ! have pg_ctlcluster; then
    apt_install postgresql
    major=$(pg_installed_major) || die "postgres: no server found under /usr/lib/postgresql after installing"
    postgres_alive && return 0 # the package's own scripts may have started the new cluster
  fi
  local on_port
  if on_port=$(pg_cluster_on_port); then
    read -r major cluster <<<"$on_port"
  else
    info "  postgres: creating cluster $major/main on port $PG_PORT"
    as_root pg_createcluster --port "$PG_PORT" "$major" main >>"$LOGS/postgres.log" 2>&1 ||
      die "postgres: pg_createcluster $major main failed; see $LOGS/postgres.log"
    cluster=main
  fi
  info "  postgres: starting cluster $major/$cluster"
  as_root pg_ctlcluster --skip-systemctl-redirect "$major" "$cluster" start >>"$LOGS/postgres.log" 2>&1 ||
    postgres_alive || start_failed postgres "pg_ctlcluster $major $cluster start failed (server log: /var/log/postgresql/postgresql-$major-$cluster.log)"
  echo "$major $cluster" >"$RUN/postgres.started"
}

# psql as superuser over the local socket
pg_super() {
  (cd / && as_postgres psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql -p "$PG_PORT" "$@")
}

postgres_provision() {
  local major
  major=$(pg_super -d postgres -Atc 'SHOW server_version_num') || die "postgres: cannot connect as superuser"
  major=$((major / 10000))

  if [[ ! -e /usr/share/postgresql/$major/extension/postgis.control ]]; then
    apt_install "postgresql-$major-postgis-3"
  fi

  local max_conn
  max_conn=$(pg_super -d postgres -Atc 'SHOW max_connections')
  if ((max_conn < PG_MIN_CONNECTIONS)); then
    local cl_major cluster
    read -r cl_major cluster < <(pg_cluster_on_port) ||
      die "postgres: max_connections is $max_conn (< $PG_MIN_CONNECTIONS) and no Debian cluster serves port $PG_PORT to restart"
    info "  postgres: raising max_connections $max_conn -> $PG_MIN_CONNECTIONS (restarting cluster $cl_major/$cluster)"
    pg_super -d postgres -c "ALTER SYSTEM SET max_connections = $PG_MIN_CONNECTIONS"
    as_root pg_ctlcluster --skip-systemctl-redirect "$cl_major" "$cluster" restart >>"$LOGS/postgres.log" 2>&1 ||
      start_failed postgres "restart of cluster $cl_major/$cluster failed (server log: /var/log/postgresql/postgresql-$cl_major-$cluster.log)"
    wait_ready postgres - postgres_alive
  fi

  local db sql=""
  for db in "${PG_DATABASES[@]}"; do
    sql+="SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$db', '$db')
            WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db') \\gexec
          ALTER ROLE \"$db\" WITH LOGIN PASSWORD '$db';
          SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$db')
            WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \\gexec
          ALTER DATABASE \"$db\" OWNER TO \"$db\";
"
  done
  pg_super -d postgres <<<"$sql" >/dev/null || die "postgres: creating the service roles and databases failed"
  for db in "${PG_POSTGIS_DATABASES[@]}"; do
    pg_super -d "$db" -c 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null 2>&1 ||
      die "postgres: CREATE EXTENSION postgis failed in database $db"
  done
  # what the services do: password login over TCP
  for db in "${PG_DATABASES[@]}"; do
    PGPASSWORD=$db psql -X -q -h "$HOST" -p "$PG_PORT" -U "$db" -d "$db" -Atc 'SELECT 1' >/dev/null 2>&1 ||
      die "postgres: role $db cannot log in over $HOST:$PG_PORT with its password; check pg_hba.conf"
  done
}

postgres_stop() {
  local major cluster
  if [[ -r $RUN/postgres.started ]] && read -r major cluster <"$RUN/postgres.started"; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$major" "$cluster" stop >>"$LOGS/postgres.log" 2>&1 || true
    rm -f "$RUN/postgres.started"
    info "postgres: stopped cluster $major/$cluster"
  elif postgres_alive; then
    info "postgres: not started by this script (the machine's cluster): left running"
  else
    info "postgres: already stopped"
  fi
}

postgres_describe() {
  local c
  c=$(pg_cluster_on_port) && echo "Debian cluster ${c/ //}"
}

# ---------------------------------------------------------------------------------------------------------
# redis
# ---------------------------------------------------------------------------------------------------------

redis_alive() {
  have redis-cli && [[ $(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]
}

redis_launch() {
  if ! have redis-server || ! have redis-cli; then
    apt_install redis-server
    redis_alive && return 0 # the package's own service may have started it
  fi
  mkdir -p "$DATA/redis"
  rm -f "$(pid_file redis)"
  redis-server --bind "$HOST" --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --dir "$DATA/redis" --logfile "$LOGS/redis.log" --pidfile "$(pid_file redis)" ||
    start_failed redis "redis-server did not start"
}

redis_stop() { stop_ours redis redis-server "$REDIS_PORT"; }

# ---------------------------------------------------------------------------------------------------------
# kafka: KRaft broker + controller in one JVM
# ---------------------------------------------------------------------------------------------------------

KAFKA_DIR=$INFRA/kafka

kafka_alive() { port_open "$KAFKA_PORT"; }

# the broker's jars, downloaded once by the standalone Maven project infra/kafka
kafka_jars() {
  maven_build kafka "$ROOT/infra/kafka" "$KAFKA_DIR" -Dkafka.lib.dir="$KAFKA_DIR/lib"
}

# a real admin round trip (metadata + ApiVersions) that lists our broker, so it is registered and unfenced
kafka_ready() {
  port_open "$KAFKA_PORT" || return 1
  require_jdk
  [[ -d $KAFKA_DIR/lib ]] || kafka_jars # a broker we did not start: the check still needs the tools
  local out
  out=$(timeout 30 "$JDK/bin/java" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.properties" -cp "$KAFKA_DIR/lib/*" \
    org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "$HOST:$KAFKA_PORT" 2>&1) &&
    [[ $out == *"$HOST:$KAFKA_PORT (id: 1"* ]]
}

kafka_write_config() {
  cat >"$KAFKA_DIR/server.properties" <<EOF
# generated by scripts/infra.sh on every start: edit the script, not this file
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA/kafka
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
EOF
  cat >"$KAFKA_DIR/log4j2.properties" <<'EOF'
status = warn
# keep logging while Kafka shuts down (log4j's own shutdown hook would stop it half-way)
shutdownHook = disable
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
# the full configuration dump of every component at start-up
logger.config.name = org.apache.kafka.common.config.AbstractConfig
logger.config.level = WARN
EOF
  cat >"$KAFKA_DIR/tools-log4j2.properties" <<'EOF'
status = error
appender.err.type = Console
appender.err.name = ERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %m (%c)%n
rootLogger.level = ERROR
rootLogger.appenderRef.err.ref = ERR
EOF
}

kafka_tool() {
  "$JDK/bin/java" -Xmx256m -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.properties" \
    -cp "$KAFKA_DIR/lib/*" "$@"
}

kafka_launch() {
  require_jdk
  kafka_jars
  mkdir -p "$DATA/kafka"
  kafka_write_config
  if [[ ! -e $DATA/kafka/meta.properties ]]; then
    local cluster_id
    cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid) || die "kafka: StorageTool random-uuid failed"
    info "  kafka: formatting storage (cluster id $cluster_id)"
    kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/server.properties" \
      >>"$LOGS/kafka.log" 2>&1 || start_failed kafka "formatting the storage failed"
  fi
  launch kafka "$JDK/bin/java" -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" \
    -cp "$KAFKA_DIR/lib/*" kafka.Kafka "$KAFKA_DIR/server.properties"
}

# A broker started by another checkout of this project (e.g. a developer's tree while CI runs in a clean
# clone) is adopted, so `stop kafka` really stops the broker the tests talk to.
kafka_stop() {
  adopt_project_server kafka "$KAFKA_PORT" 'kafka.Kafka .*/.infra/kafka/server.properties'
  stop_ours kafka java "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
}

# adopt_project_server <component> <port> <command-line regex>: when no pid file of ours exists but the port is
# served by a process whose command line matches, record that pid as ours
adopt_project_server() {
  local comp=$1 port=$2 pattern=$3 pid
  our_pid "$comp" java >/dev/null 2>&1 && return 0
  pid=$(pid_on_port "$port") || return 0
  [[ -r /proc/$pid/cmdline ]] || return 0
  if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -Eq "$pattern"; then
    info "$comp: adopting pid $pid started by another checkout of this project"
    echo "$pid" >"$(pid_file "$comp")"
  fi
}

# ---------------------------------------------------------------------------------------------------------
# elasticsearch: single node, server jars on the module path, HTTP through the transport-netty4 module
# ---------------------------------------------------------------------------------------------------------

ES_DIR=$INFRA/elasticsearch

elasticsearch_alive() {
  local health
  health=$(curl -sf --max-time 3 "http://$HOST:$ES_PORT/_cluster/health" 2>/dev/null) &&
    [[ $health == *'"status":"green"'* || $health == *'"status":"yellow"'* ]]
}

elasticsearch_launch() {
  have curl || apt_install curl
  require_jdk
  maven_build elasticsearch "$ROOT/infra/elasticsearch" "$ES_DIR" -Des.dist.dir="$ES_DIR"
  mkdir -p "$DATA/elasticsearch" "$LOGS/elasticsearch" "$ES_DIR/tmp"
  launch elasticsearch "$JDK/bin/java" -Xms512m -Xmx512m -XX:+UseG1GC \
    -Djava.io.tmpdir="$ES_DIR/tmp" -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true \
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0 \
    --enable-native-access=ALL-UNNAMED,org.apache.lucene.core,org.elasticsearch.nativeaccess \
    --module-path "$ES_DIR/lib" --add-modules ALL-MODULE-PATH \
    -cp "$ES_DIR/launcher/es-launcher.jar" infra.elasticsearch.EsLauncher \
    "$ES_DIR/home" "$DATA/elasticsearch" "$LOGS/elasticsearch" "$ES_PORT"
}

elasticsearch_stop() { stop_ours elasticsearch java "$ES_PORT"; }

# ---------------------------------------------------------------------------------------------------------
# mongodb: $MONGODB_URI, else a real mongod, else mongo-java-server
# ---------------------------------------------------------------------------------------------------------

MONGO_DIR=$INFRA/mongodb

# mongo_ping <host> <port>: an OP_MSG {ping: 1, $db: "admin"} whose reply says ok: 1
mongo_ping() {
  local msg='\x33\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xdd\x07\x00\x00'     # header: length 51, OP_MSG
  msg+='\x00\x00\x00\x00\x00'                                                        # flags, body section
  msg+='\x1e\x00\x00\x00\x10ping\x00\x01\x00\x00\x00\x02$db\x00\x06\x00\x00\x00admin\x00\x00' # the document
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "%b" "$2" >&3
    len=$(head -c 4 <&3 | od -An -tu4 | tr -d " ")
    [[ $len =~ ^[0-9]+$ ]] && ((len > 20 && len < 65536)) || exit 1
    head -c $((len - 4)) <&3 | od -An -tx1 -v | tr -d " \n" |
      grep -qE "016f6b00000000000000f03f|106f6b0001000000" # ok: 1.0 (double) or ok: 1 (int32)
  ' "$1" "$2" "$msg" 2>/dev/null
}

# host and port of the first host in $MONGODB_URI
mongo_uri_endpoint() {
  local rest=${MONGODB_URI#*://}
  rest=${rest#*@}
  rest=${rest%%[/?,]*}
  [[ $rest == *:* ]] && echo "${rest%:*} ${rest##*:}" || echo "$rest 27017"
}

mongodb_mode() {
  if [[ -n ${MONGODB_URI:-} ]]; then
    echo uri
  elif have mongod; then
    echo mongod
  else
    echo java
  fi
}

mongodb_alive() {
  local host port
  case $(mongodb_mode) in
    uri)
      if [[ $MONGODB_URI == mongodb+srv://* ]]; then return 0; fi # SRV records: the driver resolves them
      read -r host port < <(mongo_uri_endpoint)
      mongo_ping "$host" "$port"
      ;;
    *) mongo_ping "$HOST" "$MONGO_PORT" ;;
  esac
}

mongodb_launch() {
  mkdir -p "$DATA/mongodb"
  case $(mongodb_mode) in
    uri) die "mongodb: MONGODB_URI is set but does not answer a ping: $MONGODB_URI" ;;
    mongod)
      launch mongodb mongod --dbpath "$DATA/mongodb" --bind_ip "$HOST" --port "$MONGO_PORT"
      ;;
    java)
      require_jdk
      maven_build mongodb "$ROOT/infra/mongodb" "$MONGO_DIR" -Dmongo.lib.dir="$MONGO_DIR/lib"
      launch mongodb "$JDK/bin/java" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
        -Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire=warn \
        -cp "$MONGO_DIR/lib/*" infra.mongodb.MongoLauncher "$HOST" "$MONGO_PORT"
      ;;
  esac
}

# the process we run: none (-) for an external MONGODB_URI
mongodb_process() {
  case $(mongodb_mode) in
    uri) echo - ;;
    mongod) echo mongod ;;
    java) echo java ;;
  esac
}

mongodb_stop() {
  if [[ $(mongodb_mode) == uri ]]; then
    info "mongodb: external (MONGODB_URI): nothing to stop"
  else
    stop_ours mongodb "$(mongodb_process)" "$MONGO_PORT"
  fi
}

mongodb_describe() {
  case $(mongodb_mode) in
    uri) echo "external MONGODB_URI" ;;
    mongod) echo "mongod" ;;
    java) echo "mongo-java-server (memory)" ;;
  esac
}

# ---------------------------------------------------------------------------------------------------------
# per-component facts and the generic start / status
# ---------------------------------------------------------------------------------------------------------

component_port() {
  case $1 in
    postgres) echo "$PG_PORT" ;;
    redis) echo "$REDIS_PORT" ;;
    kafka) echo "$KAFKA_PORT" ;;
    elasticsearch) echo "$ES_PORT" ;;
    mongodb)
      if [[ $(mongodb_mode) == uri ]]; then mongo_uri_endpoint | cut -d' ' -f2; else echo "$MONGO_PORT"; fi
      ;;
  esac
}

# process name of a server this script starts itself (- for postgres, the Debian cluster, and MONGODB_URI)
component_process() {
  case $1 in
    postgres) echo - ;;
    redis) echo redis-server ;;
    kafka | elasticsearch) echo java ;;
    mongodb) mongodb_process ;;
  esac
}

component_ready() {
  if declare -F "$1_ready" >/dev/null; then "$1_ready"; else "$1_alive"; fi
}

start_component() {
  local comp=$1 port pname how pid t0
  port=$(component_port "$comp")
  pname=$(component_process "$comp")
  t0=$(now_us)
  if "${comp}_alive"; then
    how=reused
  elif [[ $pname != - ]] && our_pid "$comp" "$pname" >/dev/null; then
    how="already starting"
  elif [[ $pname != - ]] && port_open "$port"; then
    die "$comp: port $port is taken by another process (pid $(pid_on_port "$port" || echo '?')) that does not answer as $comp"
  else
    how=started
    "${comp}_launch"
  fi
  wait_ready "$comp" "$pname" component_ready "$comp"
  if declare -F "${comp}_provision" >/dev/null; then "${comp}_provision"; fi
  pid=$(our_pid "$comp" "$pname" 2>/dev/null || pid_on_port "$port" || echo '?')
  printf '%-14s ready in %5s s  (%s, pid %s, %s:%s)\n' "$comp" "$(seconds_since "$t0")" "$how" "$pid" "$HOST" "$port"
}

status_component() {
  local comp=$1 port pname pid state owner extra=""
  port=$(component_port "$comp")
  pname=$(component_process "$comp")
  if "${comp}_alive"; then state=running; else state=stopped; fi
  if [[ $pname != - ]] && pid=$(our_pid "$comp" "$pname"); then
    owner="started by infra.sh"
    [[ $state == stopped ]] && state="starting"
  elif [[ $state == running ]]; then
    pid=$(pid_on_port "$port") || pid='?'
    owner="external"
    [[ $comp == postgres && -r $RUN/postgres.started ]] && owner="started by infra.sh"
  else
    pid=-
    owner=""
  fi
  local rss=-
  [[ $pid =~ ^[0-9]+$ ]] && rss="$(rss_mb "$pid") MB"
  if declare -F "${comp}_describe" >/dev/null; then extra=$("${comp}_describe" || true); fi
  printf '%-14s %-8s pid %-8s port %-6s rss %-8s %s\n' "$comp" "$state" "$pid" "$port" "$rss" \
    "${owner}${extra:+${owner:+; }$extra}"
}

usage() {
  sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-2}"
}

main() {
  local cmd=${1:-}
  case $cmd in
    start | stop | restart | status) shift ;;
    -h | --help | help) usage 0 ;;
    *) usage ;;
  esac
  local comps=("$@") c i
  ((${#comps[@]})) || comps=("${ALL_COMPONENTS[@]}")
  for c in "${comps[@]}"; do
    [[ " ${ALL_COMPONENTS[*]} " == *" $c "* ]] || die "unknown component '$c' (known: ${ALL_COMPONENTS[*]})"
  done
  mkdir -p "$DATA" "$LOGS" "$RUN"

  # one start/stop at a time per checkout; flock -o keeps the lock out of the servers started meanwhile
  if [[ $cmd != status && -z ${INFRA_SH_LOCKED:-} ]] && have flock; then
    export INFRA_SH_LOCKED=1
    exec flock -o -w 900 "$INFRA/.lock" "${BASH_SOURCE[0]}" "$cmd" "${comps[@]}"
  fi

  case $cmd in
    start)
      local t0
      t0=$(now_us)
      for c in "${comps[@]}"; do start_component "$c"; done
      info "all ready in $(seconds_since "$t0") s"
      ;;
    stop)
      for ((i = ${#comps[@]} - 1; i >= 0; i--)); do "${comps[i]}_stop"; done
      ;;
    restart)
      for ((i = ${#comps[@]} - 1; i >= 0; i--)); do "${comps[i]}_stop"; done
      for c in "${comps[@]}"; do start_component "$c"; done
      ;;
    status)
      for c in "${comps[@]}"; do status_component "$c"; done
      ;;
  esac
}

main "$@"
