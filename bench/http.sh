#!/usr/bin/env bash
# HTTP benchmark: starts the packaged jar under the benchmark profile and drives the guidance
# endpoint and the rule-free baseline endpoint with wrk at fixed concurrency for a fixed time.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}; THREADS=${THREADS:-2}; CONNECTIONS=${CONNECTIONS:-16}; DURATION=${DURATION:-10s}; WARMUP=${WARMUP:-90s}; ROUNDS=${ROUNDS:-3}
mkdir -p target/bench
if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian's packages" >&2
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi
JAR=$(ls target/hcc-guidance-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { mvn -q -B -ntp package -DskipTests; JAR=$(ls target/hcc-guidance-*.jar | grep -v original | head -1); }
DATA=$(mktemp -d)
java -jar "$JAR" --spring.profiles.active=benchmark --server.port=$PORT --guidance.data.dir="$DATA" \
     --guidance.reload.watch=false --logging.level.root=WARN > target/bench/http-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for i in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 0.5; done
BODY=$(cat bench/patient.json)
cat > target/bench/post.lua <<LUA
wrk.method = "POST"
wrk.body = [[$BODY]]
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA
once() { # path label
  wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s target/bench/post.lua "http://127.0.0.1:$PORT$1" | tee -a "target/bench/wrk-$2.txt" | grep RESULT | sed "s/^RESULT/$2/"
}
# Warm-up: on 2 cores under full load the JIT needs one to two minutes to compile the hundreds of
# classes Drools generates for the rules; measured earlier, guidance throughput is still climbing. Then the two endpoints take turns, so
# that both see the same machine: on a shared machine the speed drifts by tens of percent over minutes.
# (On this JDK, compiled code left unused for minutes is swept from the code cache and compiled again,
# so long idle gaps before a measurement would understate it.)
rm -f target/bench/wrk-guidance.txt target/bench/wrk-baseline.txt
for path in /api/v1/guidance /api/v1/baseline; do
  wrk -t$THREADS -c$CONNECTIONS -d$WARMUP -s target/bench/post.lua "http://127.0.0.1:$PORT$path" >/dev/null
done
RATIOS=()
for round in $(seq 1 $ROUNDS); do
  G=$(once /api/v1/guidance guidance); B=$(once /api/v1/baseline baseline)
  echo "round $round: $G | $B"
  g=$(echo "$G" | sed -E 's/.*rps=([0-9.]+).*/\1/'); b=$(echo "$B" | sed -E 's/.*rps=([0-9.]+).*/\1/')
  RATIOS+=("$(python3 -c "print(round(100*$g/$b, 1))")")
done
python3 -c "import statistics, sys; r = [float(x) for x in sys.argv[1:]]; print('throughput ratio guidance/baseline: median %.1f%% over %d rounds %s' % (statistics.median(r), len(r), r))" "${RATIOS[@]}"
