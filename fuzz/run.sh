#!/usr/bin/env bash
# The fuzz properties of docs/testing/fuzzing.md, run long.
#
#   fuzz/run.sh [MINUTES] [FORMAT] [SEED]   MINUTES per format (default 10), FORMAT avro|jsonschema|protobuf|all
#                                           (default all), SEED (default: from the clock, printed)
#   fuzz/run.sh --repro PROPERTY SEED INDEX reruns one case a report names, and prints it
#
# Each format's properties share its minutes equally. The quick forms of the same properties run
# in `mvn verify`. Reactor builds only (nothing is installed into ~/.m2). Exit 1 when a property failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

properties() {
  case "$1" in
    avro) echo "avro-parse avro-differential avro-semantic laws-avro robust-avro cli-robust-avro" ;;
    jsonschema) echo "json-parse json-semantic laws-jsonschema robust-jsonschema cli-robust-jsonschema" ;;
    protobuf) echo "proto-parse proto-semantic laws-protobuf robust-protobuf cli-robust-protobuf" ;;
    *) echo "fuzz: unknown format \"$1\" (avro, jsonschema, protobuf or all)" >&2; exit 2 ;;
  esac
}

maven() { # OUT_DIR, then -D options
  local out=$1
  shift
  mkdir -p "$out"
  mvn -B -q -Dstyle.color=never -pl compat-rules,registry-core,cli -am test \
    -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true \
    -Devreg.fuzz.report="$out" "$@" >"$out/maven.log" 2>&1
  return $?
}

all_properties="$(properties avro) $(properties jsonschema) $(properties protobuf)"
number() { [[ "$1" =~ ^-?[0-9]+$ ]]; }

if [ "${1:-}" = "--repro" ]; then
  [ $# -eq 4 ] || { echo "usage: fuzz/run.sh --repro PROPERTY SEED INDEX" >&2; exit 2; }
  case " $all_properties " in
    *" $2 "*) ;;
    *) echo "fuzz: unknown property \"$2\"; the properties are: $all_properties" >&2; exit 2 ;;
  esac
  number "$3" || { echo "fuzz: the seed must be a whole number, not \"$3\"" >&2; exit 2; }
  number "$4" && [ "$4" -ge 0 ] || { echo "fuzz: the case index must be a whole number from 0, not \"$4\"" >&2; exit 2; }
  out="$root/target/fuzz-repro"
  rm -rf "$out"
  echo "fuzz: reproducing $2, seed $3, case $4"
  maven "$out" -Devreg.fuzz.only="$2" -Devreg.fuzz.seed="$3" -Devreg.fuzz.case="$4" || { tail -40 "$out/maven.log"; exit 2; }
  cat "$out"/*.txt 2>/dev/null || { tail -40 "$out/maven.log"; exit 2; }
  grep -q "FAILED case" "$out"/*.txt && exit 1
  exit 0
fi

minutes=${1:-10}
format=${2:-all}
seed=${3:-$(date +%s)}
[[ "$minutes" =~ ^[0-9]+$ ]] && [ "$minutes" -gt 0 ] || { echo "fuzz: MINUTES must be a whole number from 1, not \"$minutes\"" >&2; exit 2; }
number "$seed" || { echo "fuzz: the seed must be a whole number, not \"$seed\"" >&2; exit 2; }
formats=$([ "$format" = all ] && echo "avro jsonschema protobuf" || echo "$format")
for f in $formats; do
  properties "$f" >/dev/null || exit 2
done
status=0
echo "fuzz: seed $seed, $minutes minute(s) per format, formats: $formats"
for f in $formats; do
  props=$(properties "$f") || exit 2
  n=$(echo "$props" | wc -w)
  seconds=$(( minutes * 60 / n ))
  out="$root/target/fuzz-run/$f"
  rm -rf "$out"
  regex=$(echo "$props" | tr ' ' '|')
  echo "fuzz: $f: $n properties, $seconds s each"
  echo "  mvn ... -Devreg.fuzz.only='$regex' -Devreg.fuzz.seconds=$seconds -Devreg.fuzz.seed=$seed"
  start=$(date +%s)
  if ! maven "$out" -Devreg.fuzz.only="$regex" -Devreg.fuzz.seconds="$seconds" -Devreg.fuzz.seed="$seed"; then
    echo "fuzz: $f: Maven failed (see $out/maven.log)" >&2
    tail -20 "$out/maven.log" >&2
    status=2
    continue
  fi
  echo "fuzz: $f: done in $(( $(date +%s) - start )) s"
  for p in $props; do
    summary=$(cat "$out"/*.txt 2>/dev/null | awk -v p="$p" '$1 == p":" {on=1; print; next} /^[a-z-]+: seed/ {on=0} on')
    if [ -z "$summary" ]; then
      echo "$p: no report (see $out/maven.log)"
      status=1
    else
      echo "$summary"
    fi
  done
  if grep -q "FAILED case" "$out"/*.txt 2>/dev/null; then
    status=1
  fi
done
[ $status -eq 0 ] && echo "fuzz: no failure" || echo "fuzz: failures found (each with its reproduce line above)"
exit $status
