#!/usr/bin/env bash
# CDS Hooks latency: p50/p95/p99 of a prefetched patient-view call over HTTP (sequential and 4 client
# threads) on the service started in-process, and HAPI FHIR's parse cost per request. Not part of
# `mvn verify`. BENCH_WARMUP / BENCH_CALLS change the counts (defaults 1500 / 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
mvn -q -B -ntp test -Dtest=CdsHooksLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.warmup="${BENCH_WARMUP:-1500}" -Dbench.calls="${BENCH_CALLS:-2000}" \
    -DargLine="-Dbench.warmup=${BENCH_WARMUP:-1500} -Dbench.calls=${BENCH_CALLS:-2000}" > target/cds-hooks-bench.log 2>&1 \
  || { tail -50 target/cds-hooks-bench.log; exit 1; }
cat target/bench/cds-hooks.txt
grep -h "FHIR R4 model ready" target/cds-hooks-bench.log | head -1 | sed 's/.*: /HAPI start-up (context and warm-up parse, at service start): /' || true
