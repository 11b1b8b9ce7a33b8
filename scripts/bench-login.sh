#!/usr/bin/env bash
# Login benchmark (not a test): starts a user-service instance of its own on port 3901 (actuator on 4901) with rate
# limits out of the way, registers one user, then drives POST /api/v1/auth/login with wrk and prints requests/s and
# latency percentiles. Needs the infrastructure (scripts/infra.sh start) and installs wrk from Debian when missing.
#
#   scripts/bench-login.sh [duration=30s] [connections=16] [threads=2]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DURATION=${1:-30s}
CONNECTIONS=${2:-16}
THREADS=${3:-2}
PORT=3901

# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
java_home=$(find_jdk21) || exit 1

if ! command -v wrk >/dev/null; then
  if ((EUID == 0)); then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
scripts/infra.sh start postgres redis kafka >/dev/null
jar=$(ls services/user-service/target/user-service-*.jar 2>/dev/null | grep -v original | head -1 || true)
[[ -n $jar ]] || ./mvnw -q -B install -DskipTests -pl services/user-service -am
jar=$(ls services/user-service/target/user-service-*.jar | grep -v original | head -1)

mkdir -p target
SPRING_PROFILES_ACTIVE=local "$java_home/bin/java" -Xmx256m -XX:+UseSerialGC -jar "$jar" --server.port=$PORT \
  --management.server.port=$((PORT + 1000)) --platform.rate-limit.anonymous-per-ip=100000000 --user.login.max-failures=100000 >target/bench-login.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/readyz"; do
  kill -0 $pid 2>/dev/null || { echo "user-service failed to start; see target/bench-login.log" >&2; exit 1; }
  sleep 1
done

export BENCH_EMAIL="bench-$(date +%s%N)@example.com" BENCH_PASSWORD="Bench-password-2026"
curl -fs -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\",\"fullName\":\"Bench\",\"role\":\"CUSTOMER\"}"

echo "warm-up 10s ..."
wrk --timeout 10s -t"$THREADS" -c"$CONNECTIONS" -d10s -s loadtest/wrk/login.lua "http://127.0.0.1:$PORT/api/v1/auth/login" >/dev/null
echo "login benchmark: $DURATION, $CONNECTIONS connections, $THREADS threads, $(nproc) cores"
wrk --timeout 10s -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s loadtest/wrk/login.lua "http://127.0.0.1:$PORT/api/v1/auth/login" \
  | sed -n '/requests\/s:/,$p'
