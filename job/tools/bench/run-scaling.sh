#!/usr/bin/env bash
# The scaling benchmark (issue 17): one command, whole processes, and a chart.
#
#   job/tools/bench/run-scaling.sh [WORK_DIR] [PARTS]     (defaults: /tmp/reengage-scaling, volume,backfill,chart)
#   FACTORS="1 4" job/tools/bench/run-scaling.sh ...       only those volumes (default "1 4 2")
#
# volume    the same 12 months and 200,000 addresses with 1x, 2x and 4x the mail per address per day
#           (generate --mail-per-day-factor; the 4x set is 9.3 GB, the "at least 8 GB" set). For each:
#           the year rolled up once, then as fresh processes: segment (full scan), segment --rollups (daily)
#           and DuckDB over the same files (DuckDbReference); then both segment runs 3 rounds in one JVM
#           (WarmRepeat). Checks every time that the daily run and DuckDB wrote the full scan's rows
#           (reengage compare: multisets). Records jobMs, wall time, peak RSS, bytes read and rows combined.
# backfill  3 years of history at 1x (generate --days 1095): 'rollup' one calendar month per process, as
#           'aws backfill --chunk month' cuts it, over the last year and then over all three years;
#           throughput (raw bytes per second of process wall time) and peak RSS per year.
# chart     WORK_DIR/scaling.png from WORK_DIR/scaling.tsv (ScalingChart).
# Every line of the results carries the machine's 1-minute load average at the time, since the machine
# is shared: figures taken under load are noisy. Results: WORK_DIR/volume.tsv, backfill.tsv, results.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
WORK="${1:-/tmp/reengage-scaling}"
PARTS="${2:-volume,backfill,chart}"
AS_OF=2026-08-31
FROM=2025-08-31
TO=2026-08-30
export REENGAGE_HEAP="${REENGAGE_HEAP:-2g}"
R="$ROOT/reengage"
mkdir -p "$WORK"
"$R" --version >/dev/null 2>&1 || true   # builds the jars if needed, outside the timings

load() { cut -d' ' -f1 /proc/loadavg; }
json() { grep -o "\"$2\" *: *[0-9]*" "$1" | head -1 | grep -o '[0-9]*$'; }
tool() { local main=$1; shift; REENGAGE_MAIN_CLASS="io.reengage.job.bench.$main" "$R" "$@"; }

generate() { # folder, extra options...
  local dir=$1; shift
  if [[ ! -f "$dir/events.json" ]]; then
    echo "== generating $dir" >&2
    mkdir -p "$dir"
    "$R" generate --out "$dir/events" --replace --as-of "$AS_OF" --days-after 2 --seed 7 --addresses 200000 \
      --events-per-day 5480 --format-mix ndjson=85,concatenated=0,gzip=15 "$@" > "$dir/events.json.part"
    mv "$dir/events.json.part" "$dir/events.json"
  fi
}

measure() { # log file, name, command... ; prints "wall_s peak_mb"
  local log=$1 name=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$log.time" "$@" > "$log.out" 2> "$log.err" \
    || { echo "$name failed:" >&2; tail -5 "$log.err" >&2; exit 1; }
  local wall rss; read -r wall rss < "$log.time"
  echo "$wall $((rss / 1024))"
}

same_rows() { # expected import folder, actual import folder
  "$R" compare --expected "$1" --actual "$2" 2>/dev/null | tail -1 | grep -q -- '-> equal' \
    || { echo "rows differ: $1 vs $2" >&2; exit 1; }
}

if [[ ",$PARTS," == *",volume,"* ]]; then
  echo -e "# factor\tmeasurement\tjobMs\twall_s\tpeak_mb\tbytes\trows\tload1" > "$WORK/volume.tsv"
  # 4x before 2x: the 4x set is the 8 GB DuckDB comparison.
  for f in ${FACTORS:-1 4 2}; do
    D="$WORK/x$f"
    generate "$D" --days 365 --mail-per-day-factor "$f"
    echo "== x$f: fresh processes (load $(load))" >&2
    l=$(load); rm -rf "$D/full"
    read -r w p <<< "$(measure "$D/full" full "$R" segment --events "$D/events" --as-of "$AS_OF" --out "$D/full")"
    s="$D/full/summary.json"
    echo -e "$f\tfull fresh\t$(json "$s" jobMs)\t$w\t$p\t$(json "$s" bytes)\t$(json "$s" records)\t$l" >> "$WORK/volume.tsv"

    l=$(load); rm -rf "$D/duckdb"
    read -r w p <<< "$(measure "$D/duckdb" duckdb env REENGAGE_MAIN_CLASS=io.reengage.job.bench.DuckDbReference "$R" "$D/events" "$AS_OF" "$D/duckdb")"
    bytes=$(grep -o '"bytes":[0-9]*' "$D/events.json" | head -1 | grep -o '[0-9]*$')
    echo -e "$f\tDuckDB fresh\t$(json "$D/duckdb.out" jobMs)\t$w\t$p\t$bytes\t-\t$l" >> "$WORK/volume.tsv"

    same_rows "$D/full/import" "$D/duckdb/import"

    if [[ ! -f "$D/rollup.done" ]]; then
      rm -rf "$D/rollups"
      echo "== x$f: rolling up the year" >&2
      m=$(measure "$D/rollup" rollup "$R" rollup --events "$D/events" --rollups "$D/rollups" --from "$FROM" --to "$TO")
      echo "$m" > "$D/rollup.done"
    fi

    l=$(load); rm -rf "$D/daily"
    read -r w p <<< "$(measure "$D/daily" daily "$R" segment --events "$D/events" --as-of "$AS_OF" --out "$D/daily" --rollups "$D/rollups")"
    s="$D/daily/summary.json"
    rb=$(grep -A8 '"rollups"' "$s" | grep -o '"bytes" *: *[0-9]*' | grep -o '[0-9]*$')
    # Rows combined: the raw records read plus the rollup rows the run took (its summary: rows of month
    # aggregates and of day rollups, the latter from day folders or compacted months).
    rows=$(( $(json "$s" records) + $(json "$s" rowsFromMonthAggregates) + $(json "$s" rowsFromDays) ))
    echo -e "$f\tdaily fresh\t$(json "$s" jobMs)\t$w\t$p\t$(( $(json "$s" bytes) + rb ))\t$rows\t$l" >> "$WORK/volume.tsv"

    same_rows "$D/full/import" "$D/daily/import"

    echo "== x$f: warm repeats (load $(load))" >&2
    l=$(load); rm -rf "$D"/warm-*
    tool WarmRepeat "$D/events" "$D/rollups" "$AS_OF" "$D" 3 > "$D/warm.out" 2> "$D/warm.err" \
      || { echo "warm repeats failed:" >&2; tail -5 "$D/warm.err" >&2; exit 1; }
    for round in 1 2 3; do
      for mode in full daily; do
        ms=$(grep "\"round\":$round,\"mode\":\"$mode\"" "$D/warm.out" | grep -o '"jobMs":[0-9]*' | grep -o '[0-9]*$')
        echo -e "$f\t$mode warm round $round\t$ms\t-\t-\t-\t-\t$l" >> "$WORK/volume.tsv"
      done
    done
  done
  # The chart's input: seconds (jobMs; DuckDB's whole process, it has no start-up to speak of), bytes, rows.
  awk -F'\t' '!/^#/ && ($2 ~ /fresh/ || $2 ~ /round 3/) {
      name = $2; sub(/ round 3/, "", name); secs = ($2 ~ /DuckDB/ ? $4 : $3 / 1000)
      printf "%s\t%s%s\t%s\t%s\t%s\n", $1, (name ~ /DuckDB/ ? "DuckDB, whole process" : name), "", secs, $6, $7 }' \
    "$WORK/volume.tsv" > "$WORK/scaling.tsv"
fi

if [[ ",$PARTS," == *",backfill,"* ]]; then
  D="$WORK/years3"
  generate "$D" --days 1095
  echo -e "# span_years\tyear\tchunk_from\tchunk_to\twall_s\tpeak_mb\tbytes\tload1" > "$WORK/backfill.tsv"
  for span in 1 3; do
    rm -rf "$D/rollups"
    first=$(date -u -d "$AS_OF - $span years" +%Y-%m-01)
    month="$first"
    while [[ "$month" < "$TO" || "$month" == "$TO" ]]; do
      last=$(date -u -d "$month + 1 month - 1 day" +%F); [[ "$last" > "$TO" ]] && last="$TO"
      from="$month"; [[ "$from" < "$(date -u -d "$AS_OF - $span years" +%F)" ]] && from=$(date -u -d "$AS_OF - $span years" +%F)
      l=$(load)
      read -r w p <<< "$(measure "$D/chunk" "rollup $from" "$R" rollup --events "$D/events" --rollups "$D/rollups" --from "$from" --to "$last")"
      b=0; day="$from"
      while [[ ! "$day" > "$last" ]]; do
        b=$(( b + $(du -sb "$D/events/$(date -u -d "$day" +%Y/%m/%d)" 2>/dev/null | cut -f1 || echo 0) ))
        day=$(date -u -d "$day + 1 day" +%F)
      done
      year=1   # year k of the span: [as-of - (span-k+1) years, as-of - (span-k) years)
      while [[ ! "$from" < "$(date -u -d "$AS_OF - $((span - year)) years" +%F)" ]]; do year=$((year + 1)); done
      echo -e "$span\t$year\t$from\t$last\t$w\t$p\t$b\t$l" >> "$WORK/backfill.tsv"
      echo "   backfill $span y: $from..$last ${w}s ${p} MB (load $l)" >&2
      month=$(date -u -d "$month + 1 month" +%F)
    done
  done
fi

if [[ ",$PARTS," == *",chart,"* && -f "$WORK/scaling.tsv" ]]; then
  tool ScalingChart "$WORK/scaling.tsv" "$WORK/scaling.png" 2>/dev/null
fi

{
  echo "# reengage scaling benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, heap $REENGAGE_HEAP"
  if [[ -f "$WORK/volume.tsv" ]]; then
    echo
    echo "| volume | measurement | jobMs | wall s | peak RSS MB | bytes read | rows combined | load (1 min) |"
    echo "|---|---|---|---|---|---|---|---|"
    awk -F'\t' '!/^#/ {printf "| %sx | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$WORK/volume.tsv"
    echo
    echo "Full scan vs DuckDB, whole process (wall s):"
    awk -F'\t' '$2=="full fresh" {f[$1]=$4} $2=="DuckDB fresh" {d[$1]=$4}
      END {for (k in f) printf "- %sx: job %s s, DuckDB %s s: %.2fx\n", k, f[k], d[k], f[k]/d[k]}' "$WORK/volume.tsv" | sort
  fi
  if [[ -f "$WORK/backfill.tsv" ]]; then
    echo
    echo "| backfill span | year (from the oldest) | chunks | wall s | MB/s | peak RSS MB (max of chunks) |"
    echo "|---|---|---|---|---|---|"
    awk -F'\t' '!/^#/ { k = $1 SUBSEP $2; c[k]++; w[k] += $5; b[k] += $7; if ($6 > p[k]) p[k] = $6 }
      END { for (k in c) { split(k, a, SUBSEP); printf "| %s y | %s | %d | %.1f | %.1f | %d |\n", a[1], a[2], c[k], w[k], b[k] / 1048576 / w[k], p[k] } }' \
      "$WORK/backfill.tsv" | sort
  fi
} | tee "$WORK/results.md"
