#!/usr/bin/env bash
# JSON Schema compare time after warm-up, next to the JSON parse of the same documents, for a
# generated 1,000-property schema (target: under 50 ms) and a pathological one (oneOf x50,
# 30 levels, $ref cycle: must finish, or stop cleanly at the time bound).
# Usage: bench/jsonschema.sh [ITERATIONS]   (from the project root, after the README's build command)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f cli/target/evreg.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
out=bench/target/jsonschema
mkdir -p "$out"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
"$javac" -d "$out" -cp cli/target/evreg.jar bench/jsonschema/JsonSchemaBench.java
echo "$(nproc) cores, $("$java" -version 2>&1 | head -1)"
"$java" -cp "cli/target/evreg.jar:$out" JsonSchemaBench "${1:-50}"
