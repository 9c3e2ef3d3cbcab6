#!/usr/bin/env bash
# The full fleet test: three replicas of the service (JVMs of their own, from the build's class path)
# behind HAProxy, one rule volume updated by the kubelet's ..data swap, one throw-away PostgreSQL for
# feedback, steady guidance load throughout: a good release, a broken release, a replica killed with
# SIGKILL and started again, another good release. Figures in target/bench/fleet.txt, replica and
# balancer logs under target/fleet/run/. Not part of `mvn verify` (its small sibling, FleetTests, is).
#
# FLEET_REPLICAS (3), FLEET_GENERATED_PATIENTS (200, as in deploy/k8s: the full check ran once on the
# release before promotion; 2000 is a lone service's default) and FLEET_LOAD_THREADS (2) change the set-up.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] \
  || { echo "haproxy is missing: apt-get install haproxy" >&2; exit 1; }

# shellcheck source=.ci/postgres.sh
. .ci/postgres.sh
trap stop_postgres EXIT
start_postgres

mkdir -p target
ARGS=(-Dfleet.replicas="${FLEET_REPLICAS:-3}" -Dfleet.generated-patients="${FLEET_GENERATED_PATIENTS:-200}"
      -Dfleet.load-threads="${FLEET_LOAD_THREADS:-2}")
mvn -q -B -ntp ${MAVEN_OFFLINE:+-o} test -Dapi-lint.skip=true -Dtest=FleetBench -Dsurefire.failIfNoSpecifiedTests=false \
    "${ARGS[@]}" -DargLine="${ARGS[*]}" > target/fleet-test.log 2>&1 \
  || { tail -60 target/fleet-test.log; echo "fleet test failed; logs in target/fleet-test.log and target/fleet/run/" >&2; exit 1; }
cat target/bench/fleet.txt
