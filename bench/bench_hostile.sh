#!/bin/bash
# Peak memory and wall time of yusuan on each hostile input (/work/shared/hostile, README.txt there).
# Each run is capped (address space 3 GiB, 90 s) so a runaway one cannot take the machine.
# Usage: bench/bench_hostile.sh [DIR] [FILTER]  — prints a Markdown table row per run.
# EXTRA=DIR (made by bench/make_hostile.py) adds the 1,048,576-row sheet and the 10⁶-row book.
# ROOT=DIR runs another source tree (DIR/src), e.g. a copy of the code before a change.
set -u
H=${1:-/work/shared/hostile}
FILTER=${2:-}
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
PY=${PYTHON:-/work/main/.venv/bin/python}
OUT=$(mktemp -d)
run() {  # name, then the yusuan arguments
  local name=$1; shift
  [[ -n "$FILTER" && "$name" != *$FILTER* ]] && return
  ( ulimit -v 3145728; cd "$OUT" && PYTHONPATH=$ROOT/src /usr/bin/time -v -o "$OUT/time" \
      timeout 90 "$PY" -m yusuan "$@" >"$OUT/stdout" 2>"$OUT/stderr" )
  local rc=$?
  local rss wall
  rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$OUT/time")
  wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$OUT/time")
  local msg
  msg=$(grep -v '^\s*$' "$OUT/stderr" | tail -1 | cut -c1-70)
  echo "| $name \`$*\` | $rss MB | $wall | $rc | $msg |"
}
for f in x04b_sharedstrings_2MB_x_5000cells.xlsx x04_sharedstrings_2MB_x_600cells.xlsx p09_content_inflate_1GB.pdf \
         x03b_2000_fullheight_merges.xlsx x03b_20000_fullheight_merges.xlsx x01_formulas_no_cached_values.xlsx \
         x01b_sum_formulas_no_cache.xlsx p05_rotate_mixed.pdf p15b_cairo_rewrite_jiangsu.pdf; do
  run "$f" audit "$H/$f" -f json -o x.json
done
run p17_pages_14400pt_square.pdf audit "$H/p17_pages_14400pt_square.pdf" -f xlsx -o x.xlsx
for f in p06_mediabox_inverted.pdf p06_mediabox_zero.pdf p13_junk_before_header.pdf t05_45_digit_amounts.txt; do
  run "$f" ingest "$H/$f" -o x.json
done
run b01b-check book check "$H/b01b_yaml_laughs_in_field"
run b01b-build build "$H/b01b_yaml_laughs_in_field" -o built -f json
if [[ -n "${EXTRA:-}" ]]; then
  run rows_1048576.xlsx audit "$EXTRA/rows_1048576.xlsx" -f json -o x.json
  run book_1e6_rows-check book check "$EXTRA/book_1e6_rows"
  run book_1e6_rows-build build "$EXTRA/book_1e6_rows" -o built -f json
fi
rm -rf "$OUT"
