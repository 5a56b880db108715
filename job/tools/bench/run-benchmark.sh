#!/usr/bin/env bash
# The reengage benchmark: one command, whole processes, medians of several runs, ratios from the same run.
#
#   job/tools/bench/run-benchmark.sh [WORK_DIR] [RUNS] [SCOPE]   (defaults: /tmp/reengage-bench, 3, all)
#
# SCOPE "sources" measures only the two full scans below (Pinpoint and SES), for a quick comparison.
#
# Generates (once, deterministic) about 2 million Pinpoint email events over 12 months in Firehose's
# layout - newline-delimited, 15 % of the objects gzipped, so that Spark's JSON source can read the same
# files - then measures, RUNS times each and interleaved so that machine noise hits all alike:
#   floor      BareParserFloor: a bare Jackson streaming loop over the same files, no Spark
#   reader     the same loop with the job's own reader (splitter, parser, checks), still no Spark
#   baseline   SparkJsonBaseline: Spark's JSON source with an explicit schema, the same rules
#   full       reengage segment (full scan of raw events)
#   duckdb     DuckDbReference: DuckDB (in-process, 2 GB memory limit) running the same rules over the same
#              files with read_json, the "what a user would pick instead" reference; its rows must equal the
#              full scan's as multisets (reengage compare, outside the timings)
#   rollup     reengage rollup over the whole range (the backfill)
#   daily      reengage segment --rollups (12 months of rollups, one raw day)
#   sesfull    reengage segment (full scan) on the SES data set: the same settings and seed with
#              --source ses, so the same mail as SES event-publishing records (larger records; a
#              multi-recipient message's deliveries grouped per recipient domain)
# and then, once, both segment runs repeated in one JVM (WarmRepeat), to separate the JVM's and Spark's
# warm-up from the cost that grows with the data.
# Every process runs through ./reengage with the same 2 GB heap (REENGAGE_HEAP). Results go to
# WORK_DIR/results.md and stdout. Peak memory is the process's maximum resident set size.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
WORK="${1:-/tmp/reengage-bench}"
RUNS="${2:-3}"
SCOPE="${3:-all}"
AS_OF=2026-08-31
FROM=2025-08-31
TO=2026-08-30            # rolled up; the daily run reads only the as-of day raw
export REENGAGE_HEAP="${REENGAGE_HEAP:-2g}"
R="$ROOT/reengage"
mkdir -p "$WORK"
EVENTS="$WORK/events"
SES_EVENTS="$WORK/events-ses"

if [[ ! -f "$WORK/events.json" ]]; then
  echo "== generating the data set into $EVENTS" >&2
  "$R" generate --out "$EVENTS" --replace --as-of "$AS_OF" --days 365 --days-after 2 --seed 7 \
    --addresses 200000 --events-per-day 5480 --format-mix ndjson=85,concatenated=0,gzip=15 > "$WORK/events.json"
fi
if [[ ! -f "$WORK/events-ses.json" ]]; then
  echo "== generating the SES data set into $SES_EVENTS" >&2
  "$R" generate --out "$SES_EVENTS" --replace --as-of "$AS_OF" --days 365 --days-after 2 --seed 7 \
    --addresses 200000 --events-per-day 5480 --format-mix ndjson=85,concatenated=0,gzip=15 --source ses \
    > "$WORK/events-ses.json"
fi
"$R" --version >/dev/null 2>&1 || true   # builds the jar if needed, outside the timings

measure() { # name, command... ; appends "name wall_s peak_mb" to $WORK/times.txt
  local name=$1; shift
  local t="$WORK/time.$name"
  /usr/bin/time -f "%e %M" -o "$t" "$@" > "$WORK/out.$name" 2> "$WORK/err.$name" || { echo "$name failed:"; tail -5 "$WORK/err.$name"; exit 1; }
  read -r wall rss < "$t"
  echo "$name $wall $((rss / 1024))" >> "$WORK/times.txt"
  echo "   $name: ${wall}s, peak ${rss} KB" >&2
}

json() { # file, key -> first integer value of "key"
  grep -o "\"$2\" *: *[0-9]*" "$1" | head -1 | grep -o '[0-9]*$'
}

rm -f "$WORK/times.txt" "$WORK/metrics.txt"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
wall() { awk -v n="$1" '$1==n {print $2}' "$WORK/times.txt" | median; }
peak() { awk -v n="$1" '$1==n {print $3}' "$WORK/times.txt" | median; }
metric() { awk -v n="$1" '$1==n {print $2}' "$WORK/metrics.txt" | median; }

# The full scan on both sources, interleaved; appends their metrics and this run's ratio.
full_scans() {
  rm -rf "$WORK/full"
  measure full "$R" segment --events "$EVENTS" --as-of "$AS_OF" --out "$WORK/full"
  rm -rf "$WORK/duckdb"
  measure duckdb env REENGAGE_MAIN_CLASS=io.reengage.job.bench.DuckDbReference "$R" "$EVENTS" "$AS_OF" "$WORK/duckdb"
  "$R" compare --expected "$WORK/full/import" --actual "$WORK/duckdb/import" 2>/dev/null | tail -1 | grep -q -- '-> equal' \
    || { echo "DuckDB and the full scan wrote different rows"; exit 1; }
  rm -rf "$WORK/sesfull"
  measure sesfull "$R" segment --events "$SES_EVENTS" --as-of "$AS_OF" --out "$WORK/sesfull"
  local f s
  f=$(json "$WORK/full/summary.json" jobMs); s=$(json "$WORK/sesfull/summary.json" jobMs)
  {
    echo "sesFullJobMs $s"
    echo "sesFullScanMs $(json "$WORK/sesfull/summary.json" scanMs)"
    echo "sesFullBytes $(json "$WORK/sesfull/summary.json" bytes)"
    echo "sesFullRecords $(json "$WORK/sesfull/summary.json" records)"
    awk -v s="$s" -v f="$f" 'BEGIN {printf "ratioSes %.3f\n", s/f}'
  } >> "$WORK/metrics.txt"
}

sources_report() {
  echo "Sources: the full scan on the Pinpoint set and on the SES set of the same mail (medians of $RUNS runs):"
  echo
  echo "| data set | records read | bytes read | wall s (process) | job ms | scan stage ms | peak RSS MB |"
  echo "|---|---|---|---|---|---|---|"
  echo "| Pinpoint | $(metric fullRecords) | $(metric fullBytes) | $(wall full) | $(metric fullJobMs) | $(metric fullScanMs) | $(peak full) |"
  echo "| SES | $(metric sesFullRecords) | $(metric sesFullBytes) | $(wall sesfull) | $(metric sesFullJobMs) | $(metric sesFullScanMs) | $(peak sesfull) |"
  echo
  awk -v r="$(metric ratioSes)" 'BEGIN {printf "- SES full-scan jobMs vs Pinpoint full-scan jobMs, same run: %.2fx (target <= 1.3x)\n", r}'
}

if [[ "$SCOPE" == "sources" ]]; then
  for run in $(seq 1 "$RUNS"); do
    echo "== run $run of $RUNS (sources)" >&2
    full_scans
    {
      echo "fullJobMs $(json "$WORK/full/summary.json" jobMs)"
      echo "fullScanMs $(json "$WORK/full/summary.json" scanMs)"
      echo "fullBytes $(json "$WORK/full/summary.json" bytes)"
      echo "fullRecords $(json "$WORK/full/summary.json" records)"
    } >> "$WORK/metrics.txt"
  done
  {
    echo "# reengage benchmark (sources), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, heap $REENGAGE_HEAP"
    echo
    sources_report
  } | tee "$WORK/results.md"
  exit 0
fi

for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS" >&2
  measure floor env REENGAGE_MAIN_CLASS=io.reengage.job.bench.BareParserFloor "$R" "$EVENTS"
  measure reader env REENGAGE_MAIN_CLASS=io.reengage.job.bench.BareParserFloor "$R" "$EVENTS" 2 --job-reader
  measure baseline env REENGAGE_MAIN_CLASS=io.reengage.job.bench.SparkJsonBaseline "$R" "$EVENTS" "$AS_OF" "$WORK/baseline-out"
  full_scans
  rm -rf "$WORK/rollups"
  measure rollup "$R" rollup --events "$EVENTS" --rollups "$WORK/rollups" --from "$FROM" --to "$TO"
  rm -rf "$WORK/daily"
  measure daily "$R" segment --events "$EVENTS" --as-of "$AS_OF" --out "$WORK/daily" --rollups "$WORK/rollups"
  {
    echo "floorMs $(json "$WORK/out.floor" ms)"
    echo "floorBytes $(json "$WORK/out.floor" bytes)"
    echo "readerMs $(json "$WORK/out.reader" ms)"
    echo "baselineJobMs $(json "$WORK/out.baseline" jobMs)"
    echo "fullJobMs $(json "$WORK/full/summary.json" jobMs)"
    echo "fullScanMs $(json "$WORK/full/summary.json" scanMs)"
    echo "fullBytes $(json "$WORK/full/summary.json" bytes)"
    echo "fullRecords $(json "$WORK/full/summary.json" records)"
    echo "duckdbMs $(json "$WORK/out.duckdb" jobMs)"
    echo "dailyJobMs $(json "$WORK/daily/summary.json" jobMs)"
    echo "dailyRawBytes $(json "$WORK/daily/summary.json" bytes)"
    echo "dailyRollupBytes $(grep -A8 '"rollups"' "$WORK/daily/summary.json" | grep -o '"bytes" *: *[0-9]*' | grep -o '[0-9]*$')"
  } >> "$WORK/metrics.txt"
  cmp <(cat "$WORK"/full/import/*.csv) <(cat "$WORK"/daily/import/*.csv) || { echo "daily and full outputs differ"; exit 1; }
  # Ratios of this run (the targets' "same run"); the report gives their medians.
  this_run() { tail -n 12 "$WORK/metrics.txt" | awk -v k="$1" '$1==k {print $2}'; }
  wall_of() { cut -d' ' -f1 "$WORK/time.$1"; }
  ratios=$(
    awk -v b="$(wall_of baseline)" -v f="$(wall_of full)" 'BEGIN {printf "ratioBaseline %.3f\n", b/f}'
    awk -v fb="$(this_run floorBytes)" -v fm="$(this_run floorMs)" -v b="$(this_run fullBytes)" -v s="$(this_run fullScanMs)" \
      'BEGIN {printf "ratioScan %.3f\n", (b/s)/(fb/fm)}'
    awk -v d="$(this_run dailyJobMs)" -v f="$(this_run fullJobMs)" 'BEGIN {printf "ratioDaily %.3f\n", d/f}'
    awk -v f="$(wall_of full)" -v d="$(wall_of duckdb)" 'BEGIN {printf "ratioDuckDb %.3f\n", f/d}'
  )
  echo "$ratios" >> "$WORK/metrics.txt"
done

echo "== warm repeats: full and daily segment, 3 rounds in one JVM" >&2
rm -rf "$WORK"/warm-*
REENGAGE_MAIN_CLASS=io.reengage.job.bench.WarmRepeat "$R" "$EVENTS" "$WORK/rollups" "$AS_OF" "$WORK" 3 \
  > "$WORK/out.warm" 2> "$WORK/err.warm" || { echo "warm repeats failed:"; tail -5 "$WORK/err.warm"; exit 1; }
warm() { # round, mode, key
  grep "\"round\":$1,\"mode\":\"$2\"" "$WORK/out.warm" | grep -o "\"$3\":[0-9]*" | grep -o '[0-9]*$'
}

BYTES=$(metric fullBytes); RECORDS=$(metric fullRecords); FLOOR_BYTES=$(metric floorBytes)
{
  echo "# reengage benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, heap $REENGAGE_HEAP, medians of $RUNS runs"
  echo
  echo "Data: $(cat "$WORK/events.json" | grep -o '"records":[0-9]*' | head -1), $FLOOR_BYTES bytes in all files; the full scan reads $BYTES bytes ($RECORDS records) after hour-folder pruning."
  echo
  echo "| measurement | wall s (process) | job ms | peak RSS MB | bytes read | MB/s | records/s |"
  echo "|---|---|---|---|---|---|---|"
  awk -v w="$(wall floor)" -v j="$(metric floorMs)" -v p="$(peak floor)" -v b="$FLOOR_BYTES" 'BEGIN {printf "| bare-parser floor | %s | %s | %s | %s | %.0f | |\n", w, j, p, b, b/1048576/(j/1000)}'
  awk -v w="$(wall reader)" -v j="$(metric readerMs)" -v p="$(peak reader)" -v b="$FLOOR_BYTES" 'BEGIN {printf "| job reader, no Spark | %s | %s | %s | %s | %.0f | |\n", w, j, p, b, b/1048576/(j/1000)}'
  awk -v w="$(wall baseline)" -v j="$(metric baselineJobMs)" -v p="$(peak baseline)" -v b="$FLOOR_BYTES" 'BEGIN {printf "| Spark JSON source baseline | %s | %s | %s | %s | %.0f (job) | |\n", w, j, p, b, b/1048576/(j/1000)}'
  awk -v w="$(wall full)" -v j="$(metric fullJobMs)" -v r="$(metric fullScanMs)" -v p="$(peak full)" -v b="$BYTES" -v n="$RECORDS" 'BEGIN {printf "| segment, full scan | %s | %s (scan stage %s) | %s | %s | %.0f (scan) | %.0f (scan) |\n", w, j, r, p, b, b/1048576/(r/1000), n/(r/1000)}'
  awk -v w="$(wall duckdb)" -v j="$(metric duckdbMs)" -v p="$(peak duckdb)" -v b="$FLOOR_BYTES" 'BEGIN {printf "| DuckDB, same rules (read_json) | %s | %s | %s | %s | %.0f (job) | |\n", w, j, p, b, b/1048576/(j/1000)}'
  awk -v w="$(wall rollup)" -v p="$(peak rollup)" -v b="$FLOOR_BYTES" 'BEGIN {printf "| rollup, 365 days | %s | | %s | | %.0f (process) | |\n", w, p, b/1048576/w}'
  awk -v w="$(wall daily)" -v j="$(metric dailyJobMs)" -v p="$(peak daily)" -v b="$(metric dailyRawBytes)" -v rb="$(metric dailyRollupBytes)" 'BEGIN {printf "| segment --rollups (daily) | %s | %s | %s | %s raw + %s rollups | | |\n", w, j, p, b, rb}'
  echo
  echo "Ratios, each computed within one run, medians over the runs:"
  awk -v r="$(metric ratioBaseline)" 'BEGIN {printf "- full-scan segment vs Spark JSON baseline, whole process: %.2fx faster (target >= 2x)\n", r}'
  awk -v r="$(metric ratioDuckDb)" 'BEGIN {printf "- full-scan segment vs DuckDB, whole process: %.2fx DuckDB'"'"'s time (target <= 3x on the 8 GB set)\n", r}'
  awk -v r="$(metric ratioScan)" 'BEGIN {printf "- job scan throughput (its scan stage) vs bare-parser floor: %.0f%% (target >= 60%%)\n", 100*r}'
  awk -v fm="$(metric floorMs)" -v rm="$(metric readerMs)" 'BEGIN {printf "- job reader without Spark vs bare-parser floor: %.0f%%\n", 100*fm/rm}'
  awk -v b="$BYTES" -v raw="$(metric dailyRawBytes)" -v rb="$(metric dailyRollupBytes)" 'BEGIN {printf "- daily bytes read vs full scan: %.2f%% (target <= 5%%)\n", 100*(raw+rb)/b}'
  awk -v r="$(metric ratioDaily)" 'BEGIN {printf "- daily jobMs vs full-scan jobMs: %.2f (target <= 0.33)\n", r}'
  awk -v dw="$(wall daily)" -v dj="$(metric dailyJobMs)" -v fw="$(wall full)" -v fj="$(metric fullJobMs)" 'BEGIN {printf "- start-up and shutdown outside jobMs: full %.1f s, daily %.1f s\n", fw-fj/1000, dw-dj/1000}'
  echo
  sources_report
  echo
  echo "Warm repeats in one JVM (round 1 is a fresh JVM; round 3 has paid the warm-up):"
  echo
  echo "| round | full jobMs | full scan stage ms | daily jobMs | daily / full | scan vs floor |"
  echo "|---|---|---|---|---|---|"
  for round in 1 2 3; do
    awk -v r="$round" -v fj="$(warm "$round" full jobMs)" -v fs="$(warm "$round" full scanMs)" -v dj="$(warm "$round" daily jobMs)" \
      -v fb="$FLOOR_BYTES" -v fm="$(metric floorMs)" -v b="$BYTES" \
      'BEGIN {printf "| %d | %d | %d | %d | %.2f | %.0f%% |\n", r, fj, fs, dj, dj/fj, 100*(b/fs)/(fb/fm)}'
  done
} | tee "$WORK/results.md"
