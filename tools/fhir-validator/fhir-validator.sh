#!/usr/bin/env bash
# HL7's FHIR R4 validator (HAPI FHIR, from Maven Central), offline, for the tests (tests/support/fhir-validator.ts).
#   tools/fhir-validator/fhir-validator.sh prepare   resolves the classpath into tools/fhir-validator/lib (git-ignored)
#   tools/fhir-validator/fhir-validator.sh           validates: one JSON resource per stdin line, one JSON line out
# The protocol is described in FhirValidator.java; stdout carries only it, logs go to stderr.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

ensure_classpath() {
  # Resolved again when pom.xml changed since (a dependency added).
  if [ ! -f "$here/lib/.complete" ] || [ "$here/pom.xml" -nt "$here/lib/.complete" ]; then
    echo "fhir-validator: resolving the validator from Maven Central (first run only)…" >&2
    rm -rf "$here/lib"
    mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$here/lib" -DincludeScope=runtime >&2
    touch "$here/lib/.complete"
  fi
}

case "${1:-}" in
  prepare) ensure_classpath ;;
  '')
    ensure_classpath
    # The R4 definitions take about 300 MB once loaded; 1 GB leaves room for large bundles.
    exec java -Xmx1g -XX:+UseSerialGC -Djava.awt.headless=true \
      -Dorg.slf4j.simpleLogger.logFile=System.err -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$here/lib/*" "$here/FhirValidator.java"
    ;;
  *) echo "usage: $0 [prepare]" >&2; exit 2 ;;
esac
