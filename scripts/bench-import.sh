#!/usr/bin/env bash
# Import at size: time and peak memory of `planboard import` and `batch` on large inputs
# (docs/BENCHMARKS.md, "Importing at any size"). Release build in .build-import; inputs made
# by scripts/make-size-inputs.py in a temporary folder; `/usr/bin/time -v` for wall time and
# peak resident memory; the median of RUNS runs (default 3) after one warm-up.
#   scripts/bench-import.sh [RUNS]
# Measures and reports; exits 0 whether or not the targets are met.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  swift build -c release --scratch-path .build-import --product planboard >&2
fi
BIN="$PWD/.build-import/release/planboard"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 scripts/make-size-inputs.py "$WORK/in" >&2
"$BIN" import sample-data/devon-app.json --db "$WORK/devon.sqlite" >/dev/null
export PLANBOARD_TODAY=2023-08-15 USER=bench

# One measured run: prints "seconds kilobytes exit".
measure() {
  cp "$WORK/devon.sqlite" "$WORK/plan.sqlite"
  /usr/bin/time -v "$@" >"$WORK/out" 2>"$WORK/err" && status=0 || status=$?
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$WORK/err" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$WORK/err" | awk '{print $NF}')
  echo "$wall $rss $status"
}

case_() {
  local name="$1"; shift
  measure "$@" >/dev/null  # warm-up
  local walls=() rsss=() status=0
  for _ in $(seq "$RUNS"); do
    read -r wall rss status < <(measure "$@")
    walls+=("$wall"); rsss+=("$rss")
  done
  local mw mr
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(printf '%s\n' "${rsss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %s s | %d MB | %s | %s |\n' "$name" "$mw" "$((mr / 1024))" "$status" "$(grep -v '^ ' "$WORK/out" "$WORK/err" 2>/dev/null | grep -E 'Saved|error|planboard:|Would make|Dry run' | grep -v 'Command being timed' | head -1 | cut -d: -f2- | cut -c1-90)"
}

echo "| Input | Wall (median of $RUNS) | Peak memory | Exit | First line of the outcome |"
echo "| --- | --- | --- | --- | --- |"
case_ "100,000-row CSV tracker, imported" "$BIN" import "$WORK/in/rows-100k.csv" --area 3 --db "$WORK/plan.sqlite"
case_ "100,000-row .xlsx tracker (sheet on one line), imported" "$BIN" import "$WORK/in/rows-100k.xlsx" --area 3 --db "$WORK/plan.sqlite"
case_ "20,000 rows, one cell each in column XFD (.xlsx), dry run" "$BIN" import "$WORK/in/xfd-20k.xlsx" --area 3 --dry-run --db "$WORK/plan.sqlite"
case_ "50 MB cell in a CSV tracker" "$BIN" import "$WORK/in/field-50mb.csv" --area 3 --dry-run --db "$WORK/plan.sqlite"
case_ "50 MB cell in an .xlsx tracker" "$BIN" import "$WORK/in/field-50mb.xlsx" --area 3 --dry-run --db "$WORK/plan.sqlite"
case_ "50 MB action text in a JSON plan (one line)" "$BIN" import "$WORK/in/field-50mb.json" --dry-run --db "$WORK/new.sqlite"
case_ "50 MB action cell in a Word plan" "$BIN" import "$WORK/in/field-50mb.docx" --dry-run --db "$WORK/new.sqlite"
case_ "50 MB batch line" "$BIN" batch "$WORK/in/field-50mb.batch" --db "$WORK/plan.sqlite"
