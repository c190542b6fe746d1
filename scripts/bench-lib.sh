# Helpers scripts/bench.sh and scripts/bench-full.sh share (sourced, not run).

load() { cut -d' ' -f1-3 /proc/loadavg; }

# `/usr/bin/time -v` into a file; its wall seconds and peak RSS in MB.
timev() { # out-file cmd…
  local f=$1; shift
  /usr/bin/time -v -o "$f" "$@" > /dev/null
}
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }

# Median and p99 (ms) of RUNS whole-process runs of a command. The clock is bash's
# own $EPOCHREALTIME: `$(date +%s%N)` would start two more processes per run and add
# their ≈ 5 ms to both sides. BEFORE_EACH, when set, is run untimed before each run.
stats() { # cmd…
  local i t0 t1
  for ((i = 0; i < RUNS; i++)); do
    if [ -n "${BEFORE_EACH:-}" ]; then eval "$BEFORE_EACH"; fi
    t0=${EPOCHREALTIME/./}; "$@" > /dev/null 2>&1 || true; t1=${EPOCHREALTIME/./}
    echo $(( t1 - t0 ))
  done | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.99+0.999)]; printf "%.1f %.1f", m/1000, p/1000}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }
