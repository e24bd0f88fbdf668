#!/usr/bin/env bash
# Builds an example schema repository for `evreg check` in DIR (default: a new temporary folder)
# and prints its path: main holds two versions of orders/OrderPlaced (the Avro files of
# examples/orders-avro), and two pull-request branches change it:
#   compatible  adds an optional field   -> evreg check --against main exits 0
#   breaking    narrows a type and adds a required field -> exits 1
# Needs git. Commit dates are fixed, so the commit ids are the same on every run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
avro="$here/../orders-avro"
dir=${1:-$(mktemp -d)}
mkdir -p "$dir"
cd "$dir"
export GIT_AUTHOR_NAME=evreg GIT_AUTHOR_EMAIL=example@evreg.invalid
export GIT_COMMITTER_NAME=evreg GIT_COMMITTER_EMAIL=example@evreg.invalid
commit() {
  GIT_AUTHOR_DATE="2026-01-0$1T12:00:00Z" GIT_COMMITTER_DATE="2026-01-0$1T12:00:00Z" \
    git -c commit.gpgsign=false commit -q -m "$2"
}
git init -q -b main
mkdir -p schemas/orders
cp "$avro/v1.avsc" schemas/orders/OrderPlaced.avsc
git add -A && commit 1 "Add OrderPlaced"
cp "$avro/v2.avsc" schemas/orders/OrderPlaced.avsc
git add -A && commit 2 "OrderPlaced: add an optional field"

git checkout -q -b compatible
sed 's/^  \]$/    ,{"name": "giftWrap", "type": "boolean", "default": false}\n  ]/' "$avro/v2.avsc" > schemas/orders/OrderPlaced.avsc
git add -A && commit 3 "OrderPlaced: add giftWrap with a default"

git checkout -q main
git checkout -q -b breaking
cp "$avro/v3-breaking.avsc" schemas/orders/OrderPlaced.avsc
git add -A && commit 4 "OrderPlaced: int totals, required salesChannel"
git checkout -q main
echo "$dir"
