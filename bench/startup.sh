#!/usr/bin/env bash
# Start-up benchmark of the CLI, each figure next to its baseline measured in the same run:
#   evreg --version       vs  a trivial Java hello-world             (target: within 2.5x)
#   evreg compat A B      vs  a bare program that only parses A and B with Avro and calls
#                             SchemaCompatibility, run the plain way  (target: 1.0x or less)
# The bare program is also timed with evreg's own JVM flags and an AppCDS archive of its own,
# to show what class-data sharing buys each side.
# Usage: bench/startup.sh [RUNS]   (from the project root, after the README's build command)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-${RUNS:-21}}
[ -f cli/target/evreg.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }

out=bench/target/startup
mkdir -p "$out"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
# Avro and its dependencies, as compat-rules resolves them (offline: the build fetched them).
mvn -q -o -B -Dstyle.color=never -pl compat-rules dependency:build-classpath -Dmdep.outputFile="$PWD/$out/avro.cp" >/dev/null 2>&1
avro_cp=$(cat "$out/avro.cp")
"$javac" -d "$out/classes" -cp "$avro_cp" bench/baseline/BareAvroCompat.java bench/baseline/Hello.java
jar --create --file "$out/bare.jar" -C "$out/classes" .

old=examples/orders-avro/v1.avsc
new=examples/orders-avro/v2.avsc
flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off)
rm -f "$out/bare.jsa"
"$java" "${flags[@]}" -XX:ArchiveClassesAtExit="$out/bare.jsa" -cp "$out/bare.jar:$avro_cp" BareAvroCompat "$old" "$new" >/dev/null 2>&1

# median wall time in ms of a command run $runs times (after one warm-up run for the file cache)
median() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for ((i = 0; i < runs; i++)); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'
}

hello=$(median "$java" -cp "$out/classes" Hello)
version=$(median bin/evreg --version)
bare_plain=$(median "$java" -cp "$out/bare.jar:$avro_cp" BareAvroCompat "$old" "$new")
bare_cds=$(median "$java" "${flags[@]}" -XX:SharedArchiveFile="$out/bare.jsa" -cp "$out/bare.jar:$avro_cp" BareAvroCompat "$old" "$new")
compat=$(median bin/evreg compat "$old" "$new")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "startup, median of $runs runs (ms), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
printf '  %-44s %8s\n' "java Hello (JVM floor)" "$hello"
printf '  %-44s %8s   %sx the floor (target <= 2.5x)\n' "bin/evreg --version" "$version" "$(ratio "$version" "$hello")"
printf '  %-44s %8s\n' "bare Avro parse + SchemaCompatibility, plain" "$bare_plain"
printf '  %-44s %8s   %sx faster than plain\n' "bare Avro, evreg's flags + its own AppCDS" "$bare_cds" "$(ratio "$bare_plain" "$bare_cds")"
printf '  %-44s %8s   %sx the bare program plain (target <= 1.0x)\n' "bin/evreg compat $(basename "$old") $(basename "$new")" "$compat" "$(ratio "$compat" "$bare_plain")"
