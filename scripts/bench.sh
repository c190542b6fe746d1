#!/usr/bin/env bash
# Whole-process benchmarks of netakosh beside SQLite FTS5 on the same generated corpus.
#
#   scripts/bench.sh            # 100k records
#   scripts/bench.sh 1000000    # 1M records
#   RUNS=30 scripts/bench.sh    # runs per query (default 20)
#   OLD=path/to/netakosh scripts/bench.sh 1000000   # also an older build, same corpus, same run
#   scripts/bench.sh serve [HOME]   # `netakosh serve` under 50 clients for 10 s (examples/load.rs)
#
# Builds the release binary, the corpus generator and the FTS5 program, then measures
# into target/bench/N/: import (wall time, peak RSS), whole-process `search` for five
# query shapes (median and p99 of RUNS), `show`, sizes on disk. Prints a markdown
# table with netakosh/FTS5 ratios. The machine is shared: the load average is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
# `scripts/bench.sh full`: the reading commands on every real dataset (scripts/bench-full.sh).
if [ "${1:-}" = full ]; then shift; exec scripts/bench-full.sh "$@"; fi
# `scripts/bench.sh serve [HOME]`: `netakosh serve` under CLIENTS keep-alive clients
# (default 50) for DURATION seconds (default 10), then 1 client, then the same mix as
# one process per request (examples/load.rs). Without HOME, a fresh seeded home.
# LOAD_ARGS passes more flags (`--person ID --election ID` for a home without the seed).
if [ "${1:-}" = serve ]; then
  cargo build -j"${JOBS:-1}" --release --quiet --bins --example load
  SERVE_HOME=${2:-}
  if [ -z "$SERVE_HOME" ]; then
    SERVE_HOME=target/bench/serve/home
    rm -rf "$SERVE_HOME"; mkdir -p "$SERVE_HOME"
  fi
  # shellcheck disable=SC2086
  exec target/release/examples/load --home "$SERVE_HOME" --bin target/release/netakosh \
    --clients "${CLIENTS:-50}" --seconds "${DURATION:-10}" ${LOAD_ARGS:-}
fi
N=${1:-100000}
RUNS=${RUNS:-20}
JOBS=${JOBS:-1}
OUT=target/bench/$N
mkdir -p "$OUT"

# One build with the feature on, so the library is not compiled twice.
cargo build -j"$JOBS" --release --quiet --features fts5-bench --bins --example fts5 --example gen
BIN=$PWD/target/release/netakosh
GEN=$PWD/target/release/examples/gen
FTS=$PWD/target/release/examples/fts5

CORPUS=$OUT/corpus.jsonl
[ -s "$CORPUS" ] || "$GEN" "$N" > "$CORPUS"
HOME_DIR=$OUT/home
DB=$OUT/fts.db

source "$(dirname "$0")/bench-lib.sh"

echo "load before: $(load)" >&2
rm -rf "$HOME_DIR" "$DB"
timev "$OUT/import.time" "$BIN" --home "$HOME_DIR" --no-seed import "$CORPUS"
IMPORT_S=$(wall "$OUT/import.time"); IMPORT_RSS=$(rss "$OUT/import.time")
timev "$OUT/fts.time" "$FTS" build "$CORPUS" "$DB"
FTS_S=$(wall "$OUT/fts.time"); FTS_RSS=$(rss "$OUT/fts.time")
if [ -n "${OLD:-}" ]; then
  rm -rf "$OUT/home-old"
  timev "$OUT/import-old.time" "$OLD" --home "$OUT/home-old" --no-seed import "$CORPUS"
fi
echo "load after import: $(load)" >&2

declare -a LABELS=(name hindi cross-script typo filtered)
declare -a QUERY=("Akhilesh Yadav" "अखिलेश यादव" "अखिलेश Yadav" "Akhilsh Yadaw" "Singh")
declare -a FILTER=("" "" "" "" "--party BJP --state Bihar")

JSONL_MB=$(du -m --apparent-size "$CORPUS" | cut -f1)
STORE_MB=$(du -sm "$HOME_DIR/store" | cut -f1)
INDEX_MB=$(du -sm "$HOME_DIR/index" | cut -f1)
DB_MB=$(du -sm "$DB" | cut -f1)

echo
echo "## $N records  (load average at start of queries: $(load); $RUNS runs per query)"
echo
echo "| figure | netakosh | SQLite FTS5 | netakosh / FTS5 |"
echo "|---|---|---|---|"
RATE=$(awk -v n="$N" -v s="$IMPORT_S" 'BEGIN {printf "%.0f", n/s}')
FRATE=$(awk -v n="$N" -v s="$FTS_S" 'BEGIN {printf "%.0f", n/s}')
echo "| import + index, wall | ${IMPORT_S} s (${RATE} rec/s) | ${FTS_S} s (${FRATE} rec/s) | $(ratio "$IMPORT_S" "$FTS_S") |"
echo "| import peak RSS | ${IMPORT_RSS} MB | ${FTS_RSS} MB | $(ratio "$IMPORT_RSS" "$FTS_RSS") |"
echo "| on disk (JSONL ${JSONL_MB} MB) | store ${STORE_MB} + index ${INDEX_MB} = $((STORE_MB + INDEX_MB)) MB ($(ratio $((STORE_MB + INDEX_MB)) "$JSONL_MB")× JSONL) | ${DB_MB} MB | $(ratio $((STORE_MB + INDEX_MB)) "$DB_MB") |"
# Warm the page cache and let the first command do any index catch-up.
"$BIN" --home "$HOME_DIR" search Akhilesh > /dev/null 2>&1 || true
for i in "${!LABELS[@]}"; do
  # shellcheck disable=SC2086
  read -r M P <<< "$(stats "$BIN" --home "$HOME_DIR" search ${FILTER[$i]} "${QUERY[$i]}")"
  # shellcheck disable=SC2086
  read -r FM FP <<< "$(stats "$FTS" query "$DB" ${FILTER[$i]} "${QUERY[$i]}")"
  HITS=$("$BIN" --home "$HOME_DIR" search ${FILTER[$i]} "${QUERY[$i]}" 2>/dev/null | grep -c '^person' || true)
  FHITS=$("$FTS" query "$DB" ${FILTER[$i]} "${QUERY[$i]}" 2>/dev/null | grep -c '^person' || true)
  echo "| search ${LABELS[$i]} \`${QUERY[$i]}${FILTER[$i]:+ ${FILTER[$i]}}\` median / p99 | ${M} / ${P} ms (${HITS} hits) | ${FM} / ${FP} ms (${FHITS} hits) | $(ratio "$M" "$FM") |"
done
timev "$OUT/search.time" "$BIN" --home "$HOME_DIR" search "Akhilesh Yadav"
echo "| search peak RSS | $(rss "$OUT/search.time") MB | | |"
# The first command to open the store after an import replays sled's log and writes
# its snapshot; later opens start from the snapshot.
timev "$OUT/show-first.time" "$BIN" --home "$HOME_DIR" show person-7
echo "| first show after the import (sled writes its snapshot) | $(wall "$OUT/show-first.time") s | | |"
read -r SM SP <<< "$(stats "$BIN" --home "$HOME_DIR" show person-7)"
echo "| show person-7 median / p99 | ${SM} / ${SP} ms | | |"
timev "$OUT/show.time" "$BIN" --home "$HOME_DIR" show person-7
echo "| show peak RSS | $(rss "$OUT/show.time") MB | | |"
read -r TM TP <<< "$(stats "$BIN" --home "$HOME_DIR" stats)"
echo "| stats median / p99 | ${TM} / ${TP} ms | | |"
if [ -n "${OLD:-}" ]; then
  OH=$OUT/home-old
  OI=$(wall "$OUT/import-old.time")
  "$OLD" --home "$OH" show person-7 > /dev/null 2>&1 || true
  read -r OSM OSP <<< "$(stats "$OLD" --home "$OH" show person-7)"
  read -r OTM OTP <<< "$(stats "$OLD" --home "$OH" stats)"
  read -r OQM OQP <<< "$(stats "$OLD" --home "$OH" search "Akhilesh Yadav")"
  echo
  echo "Before (\`$OLD\`, same corpus, same run):"
  echo
  echo "| figure | before | now / before |"
  echo "|---|---|---|"
  echo "| import + index, wall | ${OI} s ($(awk -v n="$N" -v s="$OI" 'BEGIN {printf "%.0f", n/s}') rec/s), peak $(rss "$OUT/import-old.time") MB | $(ratio "$IMPORT_S" "$OI") |"
  echo "| on disk | store $(du -sm "$OH/store" | cut -f1) + index $(du -sm "$OH/index" | cut -f1) MB | |"
  echo "| search name median | ${OQM} ms | |"
  echo "| show person-7 median / p99 | ${OSM} / ${OSP} ms | $(ratio "$SM" "$OSM") |"
  echo "| stats median / p99 | ${OTM} / ${OTP} ms | $(ratio "$TM" "$OTM") |"
fi
echo
echo "load at end: $(load)" >&2

# In-process query latency (criterion medians, then p50/p99 of 500 runs) over the same home.
if [ "${INPROC:-1}" != 0 ]; then
  NETAKOSH_BENCH_HOME=$HOME_DIR cargo bench -j"$JOBS" --quiet --features fts5-bench --bench query \
    2>&1 | grep -E '^(search/|in-process)|time:'
fi
