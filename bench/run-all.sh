#!/usr/bin/env bash
# Every benchmark in one command (about 17 minutes on 2 cores). Figures go to stdout and target/bench/.
# Not part of `mvn verify`: timings are noisy on shared machines and are never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp package -DskipTests
echo "== machine"; echo "$(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "== in-process (JMH)"; bench/jmh.sh
echo "== HTTP (wrk)"; bench/http.sh
echo "== reload and start"; python3 -u bench/reload.py
