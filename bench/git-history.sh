#!/usr/bin/env bash
# History benchmark of the git-backed commands, each next to `git log --follow` on the same repository:
#   1. generates a repository of SUBJECTS x VERSIONS commits (default 500 x 20 = 10,000), one Avro
#      subject changed per commit, with `git fast-import` (deterministic: fixed dates and contents);
#   2. a branch "pr" changes one subject (compatible: a field with a default);
#   3. measures, as medians of RUNS runs:
#        cold  evreg check --against main   (the history cache .git/evreg removed first)
#        warm  evreg check --against main   (cache present)
#        warm  evreg log SUBJECT
#        git log --follow --oneline -- FILE (the baseline)
#      plus the peak RSS of the cold run (from /usr/bin/time -v when present, else not reported);
#   4. starts `evreg daemon`, lets it compile (20 untimed runs of each command), and measures warm
#      check and log through it, next to the baseline measured again; then stops it. CPU time of
#      these rows is the client's only (the daemon is another process); the daemon's RSS is reported.
# Targets (issue 5): cold index < 5 s and < 512 MB; warm check and log within 1.5x of git log --follow.
# Usage: bench/git-history.sh [RUNS] [SUBJECTS] [VERSIONS]   (from the project root, after
#        `mvn -q -DskipTests package`; needs git for fast-import and the baseline)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-${RUNS:-5}}
subjects=${2:-500}
versions=${3:-20}
[ -f cli/target/evreg.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
command -v git >/dev/null || { echo "git is needed to generate the repository and for the baseline" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
evreg=$PWD/bin/evreg

repo=$PWD/bench/target/git-history/repo-${subjects}x${versions}
if [ ! -d "$repo/.git" ]; then
  rm -rf "$repo" && mkdir -p "$repo"
  git -C "$repo" init -q -b main
  s=$(date +%s%N)
  "$java" bench/history/GenHistory.java "$subjects" "$versions" | git -C "$repo" fast-import --quiet
  e=$(date +%s%N)
  echo "generated $((subjects * versions)) commits in $(( (e - s) / 1000000 )) ms"
  git -C "$repo" checkout -q main
  git -C "$repo" checkout -q -b pr
  file=schemas/domain7/Event7.avsc
  sed -i 's/^  \]$/    ,{"name": "channel", "type": "string", "default": "web"}\n  ]/' "$repo/$file"
  git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid commit -q -am "Event7: add channel"
fi
file=schemas/domain7/Event7.avsc
subject=domain7/Event7
cd "$repo"
"$evreg" daemon stop >/dev/null
"$evreg" check --against main >/dev/null   # checks the set-up (and warms the file cache)

# median wall time and median CPU time (user + sys, from /usr/bin/time when present) in ms of a
# command run $runs times; $pre runs before each run, untimed. Prints "WALL CPU".
# CPU time moves less than wall time on a shared machine, so both are reported.
median() {
  local pre=$1; shift
  local walls=() cpus=()
  for ((i = 0; i < runs; i++)); do
    eval "$pre"
    local s e
    s=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f "%U %S" -o "$tmp/cpu" "$@" >/dev/null 2>&1 || true
    else
      "$@" >/dev/null 2>&1 || true
    fi
    e=$(date +%s%N)
    walls+=($(( (e - s) / 1000 )))
    [ -x /usr/bin/time ] && cpus+=($(awk '{printf "%d", ($1 + $2) * 1000000}' "$tmp/cpu"))
  done
  local w c=nan
  w=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}')
  [ ${#cpus[@]} -gt 0 ] && c=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}')
  echo "$w $c"
}
tmp=$(mktemp -d)
trap '"$evreg" daemon stop >/dev/null 2>&1; rm -rf "$tmp"' EXIT

git log --follow --oneline -- "$file" >/dev/null
read -r baseline baseline_cpu < <(median : git log --follow --oneline -- "$file")
read -r cold cold_cpu < <(median "rm -rf .git/evreg" "$evreg" check --against main)
read -r warm warm_cpu < <(median : "$evreg" check --against main)
read -r log log_cpu < <(median : "$evreg" log "$subject")
read -r floor floor_cpu < <(median : "$evreg" --version)

rss="not measured (no /usr/bin/time)"
if [ -x /usr/bin/time ]; then
  rm -rf .git/evreg
  kb=$(/usr/bin/time -v "$evreg" check --against main 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')
  rss="$((kb / 1024)) MB"
  kbw=$(/usr/bin/time -v "$evreg" check --against main 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')
  rssw="$((kbw / 1024)) MB"
fi

"$evreg" check --against main >/dev/null   # the cache, for the daemon
"$evreg" daemon start >/dev/null
for ((i = 0; i < 20; i++)); do
  "$evreg" check --against main >/dev/null
  "$evreg" log "$subject" >/dev/null
done
read -r baseline2 baseline2_cpu < <(median : git log --follow --oneline -- "$file")
read -r dwarm dwarm_cpu < <(median : "$evreg" check --against main)
read -r dlog dlog_cpu < <(median : "$evreg" log "$subject")
dpid=$(cut -d' ' -f3 .git/evreg/daemon.port)
drss="$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$dpid/status" 2>/dev/null || echo ?)"
"$evreg" daemon stop >/dev/null

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "?"; else printf "%.2f", a / b }'; }
echo "git history, $((subjects * versions)) commits ($subjects subjects x $versions versions), median of $runs runs"
echo "  $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?), $("$java" -version 2>&1 | head -1), $(git --version)"
printf '  %-40s %9s %9s   %s\n' "" "wall ms" "CPU ms" ""
row() { printf '  %-40s %9s %9s   %s\n' "$@"; }
row "git log --follow --oneline -- FILE" "$baseline" "$baseline_cpu" "the baseline"
row "evreg check --against main, cold" "$cold" "$cold_cpu" "peak RSS $rss (target < 5000 ms, < 512 MB)"
row "evreg check --against main, warm" "$warm" "$warm_cpu" "$(ratio "$warm" "$baseline")x wall, $(ratio "$warm_cpu" "$baseline_cpu")x CPU of the baseline (target <= 1.5x); peak RSS ${rssw:-?}"
row "evreg log $subject, warm" "$log" "$log_cpu" "$(ratio "$log" "$baseline")x wall, $(ratio "$log_cpu" "$baseline_cpu")x CPU of the baseline (target <= 1.5x)"
row "evreg --version" "$floor" "$floor_cpu" "the JVM start-up floor of bin/evreg: $(ratio "$floor" "$baseline")x wall"
echo "  with evreg daemon running (warmed by 20 runs of each command; CPU: the client's only)"
row "git log --follow --oneline -- FILE" "$baseline2" "$baseline2_cpu" "the baseline, again"
row "evreg check --against main, daemon" "$dwarm" "$dwarm_cpu" "$(ratio "$dwarm" "$baseline2")x wall of the baseline (target <= 1.5x); daemon RSS $drss"
row "evreg log $subject, daemon" "$dlog" "$dlog_cpu" "$(ratio "$dlog" "$baseline2")x wall of the baseline (target <= 1.5x)"
