#!/usr/bin/env bash
# Lints N generated schemas (a third each of Avro, JSON Schema and Protobuf) in one invocation,
# next to the JVM floor (a Java hello-world) and evreg's own start (--version), in the same run.
# Target: 2,000 schemas in under 3 s wall. Prints medians and schemas per second.
# Usage: bench/lint.sh [N] [RUNS]   (from the project root, after the README's build command)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
runs=${2:-5}
[ -f cli/target/evreg.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
out=bench/target/lint
rm -rf "$out/schemas"
mkdir -p "$out/classes"
"$javac" -d "$out/classes" bench/lint/GenerateSchemas.java bench/baseline/Hello.java
"$java" -cp "$out/classes" GenerateSchemas "$out/schemas" "$n"

median() {
  local times=()
  for ((i = 0; i < runs; i++)); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1000000}'
}

bin/evreg lint "$out/schemas" > "$out/findings.txt" 2>&1 || true
hello=$(median "$java" -cp "$out/classes" Hello)
version=$(median bin/evreg --version)
lint=$(median bin/evreg lint "$out/schemas")
echo "lint of $n generated schemas, median of $runs runs, $(nproc) cores, $("$java" -version 2>&1 | head -1)"
printf '  %-36s %8s s\n' "java Hello (JVM floor)" "$hello"
printf '  %-36s %8s s\n' "bin/evreg --version" "$version"
printf '  %-36s %8s s   %s schemas/s (target: under 3 s)\n' "bin/evreg lint ($n files)" "$lint" \
  "$(awk -v n="$n" -v t="$lint" 'BEGIN { printf "%.0f", n / t }')"
echo "  $(tail -1 "$out/findings.txt")"
