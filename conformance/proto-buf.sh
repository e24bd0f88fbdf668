#!/usr/bin/env bash
# Conformance of evreg's Protobuf rule sets `wire` and `wire-json` with buf's breaking categories
# WIRE and WIRE_JSON. Every pair folder goes through both tools:
#   buf breaking CASE/new --against CASE/old    (v1 config: breaking: use: [WIRE] or [WIRE_JSON])
#   bin/evreg compat --proto-rules wire|wire-json CASE/old CASE/new    (folder mode, level BACKWARD)
# and their verdicts (breaking or not) are compared. The pairs are conformance/protobuf/cases/*/ and the
# golden cases compat-rules/src/test/resources/testdata/protobuf/*/ whose old/ holds one .proto file named
# as the one in new/ (the transitive ones have several versions and are left out).
# A disagreement must be listed in conformance/protobuf/differences.txt, with the reason explained in
# docs/compat/protobuf-differences.md; an undocumented disagreement, or an error of either tool, fails.
# buf comes from npm (conformance/package.json) and is installed into conformance/node_modules when missing.
# Usage: conformance/proto-buf.sh [-v]   (needs the built jar: mvn -q -DskipTests package)
set -uo pipefail
cd "$(dirname "$0")/.."
verbose=0
[ "${1:-}" = "-v" ] && verbose=1
[ -f cli/target/evreg.jar ] || { echo "no cli/target/evreg.jar: build first with mvn -q -DskipTests package" >&2; exit 2; }

buf=conformance/node_modules/.bin/buf
if ! "$buf" --version >/dev/null 2>&1; then
  echo "installing buf with npm into conformance/node_modules" >&2
  (cd conformance && npm install --no-audit --no-fund --no-package-lock --loglevel=error) >&2 \
    || { echo "npm install of buf failed" >&2; exit 2; }
  "$buf" --version >/dev/null 2>&1 || { echo "buf does not run after npm install" >&2; exit 2; }
fi

known=conformance/protobuf/differences.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cases=()
for d in conformance/protobuf/cases/*/ compat-rules/src/test/resources/testdata/protobuf/*/; do
  d=${d%/}
  olds=("$d"/old/*.proto)
  [ ${#olds[@]} -eq 1 ] && [ -f "${olds[0]}" ] && [ -f "$d/new/$(basename "${olds[0]}")" ] && cases+=("$d")
done

# 0 = compatible, 1 = breaking, 2 = the tool failed (its output is kept in $tmp/err)
buf_verdict() {
  local cfg="{\"version\":\"v1\",\"breaking\":{\"use\":[\"$2\"]}}"
  "$buf" breaking "$1/new" --against "$1/old" --config "$cfg" --against-config "$cfg" >"$tmp/out" 2>"$tmp/err"
  case $? in 0) echo 0 ;; 100) echo 1 ;; *) echo 2 ;; esac
}
evreg_verdict() {
  bin/evreg compat -q --proto-rules "$2" "$1/old" "$1/new" >"$tmp/out" 2>"$tmp/err"
  case $? in 0) echo 0 ;; 1) echo 1 ;; *) echo 2 ;; esac
}
word() { case $1 in 0) echo ok ;; 1) echo BREAKS ;; *) echo ERROR ;; esac; }

# buf exits 100 for compile errors too: a case must build with buf before its verdicts count
valid() {
  "$buf" build "$1/old" >"$tmp/err" 2>&1 && "$buf" build "$1/new" >"$tmp/err" 2>&1
}

total=0 agree=0 documented=0 undocumented=0 errors=0
printf '%-58s %-10s %-19s %-19s %s\n' "case" "category" "buf" "evreg" "result"
for d in "${cases[@]}"; do
  name=$(basename "$d")
  if ! valid "$d"; then
    echo "buf cannot build $d:" >&2; head -3 "$tmp/err" >&2
    errors=$((errors + 1))
    continue
  fi
  for pair in WIRE:wire WIRE_JSON:wire-json; do
    cat=${pair%%:*} rules=${pair#*:}
    b=$(buf_verdict "$d" "$cat")
    [ "$b" = 2 ] && { echo "buf failed on $d ($cat):" >&2; head -3 "$tmp/err" >&2; }
    e=$(evreg_verdict "$d" "$rules")
    [ "$e" = 2 ] && { echo "evreg failed on $d ($rules):" >&2; head -3 "$tmp/err" >&2; }
    total=$((total + 1))
    if [ "$b" = 2 ] || [ "$e" = 2 ]; then
      errors=$((errors + 1)) result=ERROR
    elif [ "$b" = "$e" ]; then
      agree=$((agree + 1)) result=agree
    elif grep -Eq "^$name[[:space:]]+$cat[[:space:]]" "$known"; then
      documented=$((documented + 1))
      result="documented: $(grep -E "^$name[[:space:]]+$cat[[:space:]]" "$known" | head -1 | awk '{print $3}')"
    else
      undocumented=$((undocumented + 1)) result="UNDOCUMENTED DIFFERENCE"
    fi
    if [ $verbose = 1 ] || [ "$result" != agree ]; then
      printf '%-58s %-10s %-19s %-19s %s\n' "$name" "$cat" "$(word "$b")" "$(word "$e")" "$result"
    fi
  done
done
pct=$(awk -v a="$agree" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * a / t : 0 }')
echo
echo "${#cases[@]} pairs x 2 categories = $total verdicts: $agree agree ($pct%), $documented documented differences, $undocumented undocumented, $errors errors"
echo "buf $("$buf" --version), evreg $(bin/evreg --version | awk '{print $2}'), evreg level BACKWARD"
[ "$undocumented" = 0 ] && [ "$errors" = 0 ]
