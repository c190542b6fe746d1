#!/usr/bin/env bash
# The reading commands on every dataset of ../shared/data, whole process.
#
#   scripts/bench.sh full                 # imports the data into target/bench/full/home once, then measures
#   FULL_HOME=H scripts/bench.sh full     # measures an existing home instead (no import)
#   OLD=path/to/netakosh scripts/bench.sh full   # also runs every command through an older build, same home
#   REIMPORT=1 scripts/bench.sh full      # also times importing the unchanged data again
#
# Each command is timed RUNS times (default 20) with `index/answers/` removed before
# each run, so every figure is the command working its answer out, never a kept
# answer; peak RSS from one more run under `/usr/bin/time -v`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
RUNS=${RUNS:-20}
DATA=${DATA:-../shared/data}
OUT=target/bench/full
HOME_DIR=${FULL_HOME:-$OUT/home}
mkdir -p "$OUT"
cargo build --release --quiet --bins
BIN=$PWD/target/release/netakosh

echo "load before: $(load)" >&2
if [ ! -d "$HOME_DIR/store" ]; then
  NETAKOSH_TIMING=1 /usr/bin/time -v -o "$OUT/import.time" "$BIN" --home "$HOME_DIR" import -r "$DATA" \
    > "$OUT/import.out" 2> "$OUT/import.err"
  echo "| \`import -r $DATA\` into a new home (with person resolution) | $(wall "$OUT/import.time") s, peak $(rss "$OUT/import.time") MB |"
fi
if [ "${REIMPORT:-0}" != 0 ]; then
  timev "$OUT/reimport.time" "$BIN" --home "$HOME_DIR" import -r "$DATA"
  echo "| the same import again, nothing changed | $(wall "$OUT/reimport.time") s, peak $(rss "$OUT/reimport.time") MB |"
fi

# A politician of many records in the data; the seat and office every dataset has.
PERSON=${PERSON:-$("$BIN" --home "$HOME_DIR" search --json --kind person "Narendra Modi" \
  | grep -m1 -o '"id": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')}
declare -a LABELS=("show a person ($PERSON)" "election of one seat" "office --at" "a seat's history" "2024 Lok Sabha tally" "stats")
declare -a CMDS=(
  "show $PERSON"
  "election lok-sabha-2024 --constituency Amethi"
  "office chief-minister-uttar-pradesh --at 2020-01-01"
  "seat Amethi Lok Sabha"
  "election lok-sabha-2024"
  "stats"
)
BEFORE_EACH="rm -rf '$HOME_DIR/index/answers'"
# Warm the page cache (and let the first command catch up anything behind).
for c in "${CMDS[@]}"; do
  # shellcheck disable=SC2086
  "$BIN" --home "$HOME_DIR" $c > /dev/null 2>&1 || true
done

echo
echo "## Every dataset ($(du -sm "$HOME_DIR/store" | cut -f1) MB store, $(du -sm "$HOME_DIR/index" | cut -f1) MB index; load $(load); $RUNS runs each)"
echo
if [ -n "${OLD:-}" ]; then
  echo "| command | now: median / p99, peak RSS | before ($OLD) | now / before |"
  echo "|---|---|---|---|"
else
  echo "| command | median / p99 | peak RSS |"
  echo "|---|---|---|"
fi
for i in "${!CMDS[@]}"; do
  # shellcheck disable=SC2086
  read -r M P <<< "$(stats "$BIN" --home "$HOME_DIR" ${CMDS[$i]})"
  eval "$BEFORE_EACH"
  # shellcheck disable=SC2086
  timev "$OUT/cmd.time" "$BIN" --home "$HOME_DIR" ${CMDS[$i]}
  R=$(rss "$OUT/cmd.time")
  if [ -n "${OLD:-}" ]; then
    # shellcheck disable=SC2086
    read -r OM OP <<< "$(stats "$OLD" --home "$HOME_DIR" ${CMDS[$i]})"
    eval "$BEFORE_EACH"
    # shellcheck disable=SC2086
    timev "$OUT/cmd.time" "$OLD" --home "$HOME_DIR" ${CMDS[$i]}
    echo "| ${LABELS[$i]}: \`${CMDS[$i]}\` | ${M} / ${P} ms, ${R} MB | ${OM} / ${OP} ms, $(rss "$OUT/cmd.time") MB | $(ratio "$M" "$OM") |"
  else
    echo "| ${LABELS[$i]}: \`${CMDS[$i]}\` | ${M} / ${P} ms | ${R} MB |"
  fi
done
echo
echo "load at end: $(load)" >&2
