#!/usr/bin/env bash
# In-process benchmark (JMH): guidance evaluation vs a bare Drools stateless session, 1 and 2 threads,
# average and sampled (p50/p99) time, allocation per operation. Results in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
mvn -q -B -ntp -Pbench test-compile
mvn -q -B -ntp -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/cp.txt
CP="target/test-classes:target/classes:$(cat target/bench/cp.txt)"
for threads in ${JMH_THREADS:-1 2}; do
  java -cp "$CP" org.openjdk.jmh.Main 'EvaluationBenchmark' -f 1 -wi 3 -w 2s -i 5 -r 2s \
    -bm avgt,sample -tu us -t "$threads" -prof gc -rf json -rff "target/bench/jmh-t$threads.json" \
    | tee "target/bench/jmh-t$threads.txt" | grep -E '^(Benchmark|EvaluationBenchmark)' \
    | grep -E 'avgt|p0.50|p0.99|gc.alloc.rate.norm|Benchmark ' || true
done
