#!/usr/bin/env bash
# Whole-tree Protobuf comparison, evreg next to buf on the same trees, in one run:
#   bin/evreg compat --proto-rules wire -I ../third_party/googleapis OLD/proto NEW/proto   (cold: a fresh JVM per run)
#   buf breaking NEW --against OLD, WIRE, modules proto and third_party/googleapis     (target: evreg <= 2x buf)
#   the same comparison looped in one JVM through the library API (bench/protobuf/ProtoTreeWarm.java),
#   median per iteration after warm-up                                                (target: faster than buf)
# The trees are google-cloudevents at two dates from ../shared/corpora (override with CORPUS=DIR OLD=NAME NEW=NAME).
# Usage: bench/proto-tree.sh [RUNS]   (from the project root, after mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-${RUNS:-11}}
corpus=${CORPUS:-../shared/corpora/google-cloudevents}
old=$corpus/${OLD:-2023-05-30}
new=$corpus/${NEW:-2026-04-10}
[ -f cli/target/evreg.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
[ -d "$old/proto" ] && [ -d "$new/proto" ] || { echo "no corpus at $corpus" >&2; exit 2; }
old=$(cd "$old" && pwd)
new=$(cd "$new" && pwd)
buf=$PWD/conformance/node_modules/.bin/buf
if ! "$buf" --version >/dev/null 2>&1; then
  (cd conformance && npm install --no-audit --no-fund --no-package-lock --loglevel=error) >&2
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
out=bench/target/proto-tree
mkdir -p "$out/classes"
"$javac" -d "$out/classes" -cp cli/target/evreg.jar bench/protobuf/ProtoTreeWarm.java

cfg='{"version":"v2","modules":[{"path":"proto"},{"path":"third_party/googleapis"}],"breaking":{"use":["WIRE"]}}'
buf_run() { (cd "$new" && "$buf" breaking . --against "$old" --config "$cfg" --against-config "$cfg"); }
evreg_run() { bin/evreg compat -q --proto-rules wire -I ../third_party/googleapis "$old/proto" "$new/proto"; }

# wall time in ms of one run; exit codes 0, 1 (evreg findings) and 100 (buf findings) count as success
timed() {
  local s e rc
  s=$(date +%s%N)
  "$@" >/dev/null 2>"$out/err" && rc=0 || rc=$?
  e=$(date +%s%N)
  case $rc in 0|1|100) ;; *) echo "failed (exit $rc): $*" >&2; cat "$out/err" >&2; exit 2 ;; esac
  echo $(( (e - s) / 1000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }

# one untimed run of each for the file cache, then the two tools alternate, so that load from
# other processes on a shared machine falls on both
timed buf_run >/dev/null; timed evreg_run >/dev/null
: >"$out/buf.ms"; : >"$out/evreg.ms"
for ((i = 0; i < runs; i++)); do
  timed buf_run >>"$out/buf.ms"
  timed evreg_run >>"$out/evreg.ms"
done
buf_ms=$(median <"$out/buf.ms")
evreg_ms=$(median <"$out/evreg.ms")
warm_ms=$("$java" -cp "cli/target/evreg.jar:$out/classes" ProtoTreeWarm "$old/proto" "$new/proto" ../third_party/googleapis 20 "$runs" 2>"$out/warm.log")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
files=$(cd "$new/proto" && find . -name '*.proto' | wc -l)
echo "proto tree comparison, $(basename "$old") -> $(basename "$new") ($files files in the new tree), median of $runs runs (ms), $(nproc) cores"
echo "  $("$java" -version 2>&1 | head -1); buf $("$buf" --version)"
printf '  %-58s %8s\n' "buf breaking (WIRE)" "$buf_ms"
printf '  %-58s %8s   %sx buf (target <= 2.0x)\n' "bin/evreg compat --proto-rules wire OLD NEW (new JVM)" "$evreg_ms" "$(ratio "$evreg_ms" "$buf_ms")"
printf '  %-58s %8s   %sx buf (target < 1.0x)\n' "same comparison in one warm JVM, per iteration" "$warm_ms" "$(ratio "$warm_ms" "$buf_ms")"
sed 's/^/  /' "$out/warm.log"
