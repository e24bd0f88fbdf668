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
#      plus the peak RSS of the cold run (from /usr/bin/time -v when present, else not reported).
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
"$evreg" check --against main >/dev/null   # checks the set-up (and warms the file cache)

# median wall time in ms of a command run $runs times; $pre runs before each run, untimed
median() {
  local pre=$1; shift
  local times=()
  for ((i = 0; i < runs; i++)); do
    eval "$pre"
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'
}

git log --follow --oneline -- "$file" >/dev/null
baseline=$(median : git log --follow --oneline -- "$file")
cold=$(median "rm -rf .git/evreg" "$evreg" check --against main)
warm=$(median : "$evreg" check --against main)
log=$(median : "$evreg" log "$subject")
floor=$(median : "$evreg" --version)

rss="not measured (no /usr/bin/time)"
if [ -x /usr/bin/time ]; then
  rm -rf .git/evreg
  kb=$(/usr/bin/time -v "$evreg" check --against main 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')
  rss="$((kb / 1024)) MB"
  kbw=$(/usr/bin/time -v "$evreg" check --against main 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')
  rssw="$((kbw / 1024)) MB"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "git history, $((subjects * versions)) commits ($subjects subjects x $versions versions), median of $runs runs (ms)"
echo "  $(nproc) cores, $("$java" -version 2>&1 | head -1), $(git --version)"
printf '  %-44s %8s\n' "git log --follow --oneline -- FILE (baseline)" "$baseline"
printf '  %-44s %8s   peak RSS %s (target < 5000 ms, < 512 MB)\n' "evreg check --against main, cold" "$cold" "$rss"
printf '  %-44s %8s   %sx the baseline (target <= 1.5x), peak RSS %s\n' "evreg check --against main, warm" "$warm" "$(ratio "$warm" "$baseline")" "${rssw:-?}"
printf '  %-44s %8s   %sx the baseline (target <= 1.5x)\n' "evreg log $subject, warm" "$log" "$(ratio "$log" "$baseline")"
printf '  %-44s %8s   (the JVM start-up floor of bin/evreg)\n' "evreg --version" "$floor"
