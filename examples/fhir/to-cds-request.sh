#!/usr/bin/env bash
# Turns an example FHIR bundle into a CDS Hooks request (prefetch filled, dates moved to today).
#   examples/fhir/to-cds-request.sh examples/fhir/variceal-bleed.json > request.json
#   examples/fhir/to-cds-request.sh examples/fhir/variceal-bleed.json --hook order-sign \
#       --order 'http://www.nlm.nih.gov/research/umls/rxnorm|253337|bevacizumab' > order.json
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$(ls target/hcc-guidance-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -q -B -ntp package -DskipTests >&2
  JAR=$(ls target/hcc-guidance-*.jar | grep -v original | head -1)
fi
BUNDLE=$1; shift
case "$BUNDLE" in /*) ;; *) BUNDLE="$OLDPWD/$BUNDLE" ;; esac
exec java -cp "$JAR" -Dloader.main=org.hccguidance.cdshooks.CdsRequestBuilder \
     org.springframework.boot.loader.launch.PropertiesLauncher "$BUNDLE" "$@"
