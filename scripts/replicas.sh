#!/usr/bin/env bash
# Two read-only replicas of one snapshot behind nginx (Debian's package) on localhost,
# and the rollout of a new snapshot without a failed request. README: "Serve it".
#
#   scripts/replicas.sh up        # snapshot the home to $WORK/snap-1, serve it twice, nginx in front
#   scripts/replicas.sh rollout   # snapshot again ($WORK/snap-N), two new replicas, nginx -s reload,
#                                 # then stop the old replicas once nginx no longer uses them
#   scripts/replicas.sh down      # stop nginx and every replica this WORK started
#   scripts/replicas.sh demo      # up, an import, a rollout under a loop of requests, down
#   scripts/replicas.sh check     # demo that fails (exit 1) when the proxy's answer differs from a
#                                 # replica's, one replica gets no request, or any request fails
#
# Settings, as flags (after the step) or in the environment:
#   --bin B    / BIN       the netakosh binary (default: netakosh on PATH, else target/release, target/debug)
#   --home H   / HOME_DIR  the home to snapshot (default: $NETAKOSH_HOME; demo/check: a new seeded
#                          home in $WORK/home, so your own home is never written)
#   --work W   / WORK      snapshots, nginx.conf, logs and pids (default: a new `mktemp -d`, printed;
#                          rollout and down need the one up used)
#   --import F / IMPORT    demo/check: the file imported between the snapshots (default: one demo person)
#   NGINX                  the nginx binary (default: nginx on PATH, else /usr/sbin/nginx)
#
# No root needed: nginx runs as `nginx -p $WORK -c $WORK/nginx.conf` with its pid, logs and
# temp files in $WORK. The upstream lives in $WORK/upstream.conf, the one file a rollout rewrites.
# The access log records `upstream=$upstream_addr` for every request.
set -euo pipefail

STEP=${1:-demo}
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do
  case $1 in
    --bin) BIN=$2; shift 2 ;;
    --home) HOME_DIR=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --import) IMPORT=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "replicas.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

die() { echo "replicas.sh: $*" >&2; exit 1; }
say() { echo "== $*"; }

case $STEP in up|rollout|down|demo|check) ;; -h|--help|help) sed -n '2,24p' "$0"; exit 0 ;;
  *) die "unknown step $STEP: up, rollout, down, demo or check" ;; esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${BIN:-}" ]; then
  BIN=$(command -v netakosh || true)
  for b in "$ROOT/target/release/netakosh" "$ROOT/target/debug/netakosh"; do
    [ -n "$BIN" ] || { [ -x "$b" ] && BIN=$b; }
  done
  [ -n "$BIN" ] || die "no netakosh binary: give --bin or BIN (or cargo build --release)"
fi
[ -x "$BIN" ] || die "$BIN is not an executable"
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
[ -x "$NGINX" ] || die "nginx is not installed (Debian: apt-get install nginx); or set NGINX"
command -v curl >/dev/null || die "curl is not installed (Debian: apt-get install curl)"

if [ -z "${WORK:-}" ]; then
  [ "$STEP" = up ] || [ "$STEP" = demo ] || [ "$STEP" = check ] ||
    die "$STEP needs the WORK directory that \`up\` printed (--work or WORK)"
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/netakosh-replicas.XXXXXX")
fi
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# nginx, always with this WORK's prefix, configuration and error log.
ngx() { "$NGINX" -p "$WORK/" -c "$WORK/nginx.conf" -e "$WORK/error.log" "$@"; }

# The status code of GET URL (a new connection each time), or 000.
code_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1" || true; }

# The `generation` of a server's /api/status.
generation_of() {
  curl -fsS --max-time 5 "$1/api/status" | sed -n 's/.*"generation":\([0-9]*\).*/\1/p'
}

# Whether PID is alive and one of ours (a `netakosh … serve` or an nginx), not a reused pid.
ours() {
  [ -r "/proc/$1/cmdline" ] || return 1
  local cmd; cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  case $cmd in *" serve "*|*nginx*) return 0 ;; *) return 1 ;; esac
}

# The child processes of PID (nginx's workers), from /proc.
children() {
  local p stat rest ppid
  for p in /proc/[0-9]*; do
    stat=$(cat "$p/stat" 2>/dev/null) || continue
    rest=${stat##*) }
    read -r _ ppid _ <<<"$rest"
    [ "$ppid" = "$1" ] && echo "${p#/proc/}"
  done
  return 0
}

# Waits until none of the PIDS is alive (at most $1 seconds).
wait_gone() {
  local limit=$1 pid alive i; shift
  for ((i = 0; i < limit * 10; i++)); do
    alive=
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -z "$alive" ] && return 0
    sleep 0.1
  done
  return 1
}

# Writes a snapshot of HOME_DIR to DIR; sets GEN to its generation.
take_snapshot() {
  local out
  out=$("$BIN" --home "$HOME_DIR" snapshot "$1") || die "snapshot of $HOME_DIR to $1 failed"
  echo "$out"
  GEN=$(sed -n 's/.* at generation \([0-9]*\) to .*/\1/p' <<<"$out")
  [ -n "$GEN" ] || die "could not read the generation from: $out"
}

# Starts `serve --read-only` on SNAPSHOT on a free port (port 0); sets PID and PORT.
start_replica() {
  local snap=$1 name=$2 line="" i
  "$BIN" --home "$snap" serve --read-only --addr 127.0.0.1:0 \
    </dev/null >"$WORK/$name.out" 2>"$WORK/$name.err" &
  PID=$!
  echo "$PID" >>"$WORK/pids"
  for ((i = 0; i < 200; i++)); do
    line=$(head -n 1 "$WORK/$name.out" 2>/dev/null || true)
    case $line in serving*) break ;; esac
    kill -0 "$PID" 2>/dev/null || die "replica $name exited: $(cat "$WORK/$name.err")"
    sleep 0.05
  done
  # "serving DIR at http://127.0.0.1:PORT/ (Ctrl-C stops)"
  PORT=$(sed -n 's#.* at http://127\.0\.0\.1:\([0-9]*\)/ .*#\1#p' <<<"$line")
  [ -n "$PORT" ] || die "replica $name printed no address: $line $(cat "$WORK/$name.err")"
  echo "replica $name: pid $PID, http://127.0.0.1:$PORT/ serving $snap"
}

# Starts two replicas of SNAPSHOT and checks they answer at GENERATION; sets NEW to
# "pid port pid port".
start_pair() {
  local snap=$1 gen=$2 tag n; tag=$(basename "$snap")
  NEW=
  for n in a b; do
    start_replica "$snap" "replica-$tag-$n"
    local g; g=$(generation_of "http://127.0.0.1:$PORT")
    [ "$g" = "$gen" ] || die "replica $tag-$n answers generation '$g', not $gen"
    NEW="$NEW $PID $PORT"
  done
}

# $WORK/upstream.conf: the replicas nginx balances over (round robin), with idle
# keep-alive connections to them. Written whole, then renamed over the old one.
write_upstream() {
  {
    echo "# The replicas; scripts/replicas.sh rollout rewrites this file, then nginx -s reload."
    echo "upstream netakosh {"
    while [ $# -gt 0 ]; do echo "    server 127.0.0.1:$2;"; shift 2; done
    echo "    keepalive 16;"
    echo "}"
  } >"$WORK/upstream.conf.new"
  mv -f "$WORK/upstream.conf.new" "$WORK/upstream.conf"
}

write_conf() {
  mkdir -p "$WORK/tmp"
  cat >"$WORK/nginx.conf" <<EOF
# nginx in front of netakosh replicas (scripts/replicas.sh). Runs unprivileged:
#   nginx -p $WORK/ -c $WORK/nginx.conf
worker_processes 1;
daemon off;
pid "$WORK/nginx.pid";
error_log "$WORK/error.log" warn;
# After a reload, old workers finish their requests; none takes longer than this.
worker_shutdown_timeout 15s;

events {
    worker_connections 1024;
}

http {
    log_format replicas '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent '
                        'upstream=\$upstream_addr upstream_status=\$upstream_status '
                        'time=\$request_time';
    access_log "$WORK/access.log" replicas;
    client_body_temp_path "$WORK/tmp/body";
    proxy_temp_path "$WORK/tmp/proxy";
    fastcgi_temp_path "$WORK/tmp/fastcgi";
    uwsgi_temp_path "$WORK/tmp/uwsgi";
    scgi_temp_path "$WORK/tmp/scgi";
    server_tokens off;
    # Result tables are large JSON (the 2024 Lok Sabha's, 4.7 MB): compressed for
    # clients that ask (Accept-Encoding), here rather than in every replica.
    gzip on;
    gzip_types application/json text/css text/javascript;
    gzip_min_length 1024;

    include "$WORK/upstream.conf";

    server {
        listen 127.0.0.1:$1;

        location / {
            proxy_pass http://netakosh;
            # Keep-alive to the replicas: HTTP/1.1 and no "Connection: close".
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            # A replica that refuses or drops a connection: the request goes to the other.
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            # Above the server's own 10 s per request.
            proxy_read_timeout 15s;
            # Answers are buffered in memory only (no temp files to write).
            proxy_max_temp_file_size 0;
        }
    }
}
EOF
}

# Starts nginx on a free localhost port (tries a few); sets PROXY.
start_nginx() {
  local try port i
  : >"$WORK/error.log"
  for ((try = 0; try < 20; try++)); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    # Something answers there already: another port.
    (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    write_conf "$port"
    ngx -t -q || die "nginx -t refuses $WORK/nginx.conf"
    ngx </dev/null >>"$WORK/nginx.out" 2>&1 &
    local npid=$!
    for ((i = 0; i < 100; i++)); do
      [ "$(code_of "http://127.0.0.1:$port/api/status")" = 200 ] && break
      kill -0 "$npid" 2>/dev/null || break
      sleep 0.05
    done
    if kill -0 "$npid" 2>/dev/null; then
      PROXY="http://127.0.0.1:$port"
      echo "$PROXY" >"$WORK/proxy"
      echo "nginx: pid $npid, $PROXY/ → upstream in $WORK/upstream.conf"
      return 0
    fi
    # Lost a race for the port: try another.
    grep -q 'Address already in use' "$WORK/error.log" "$WORK/nginx.out" 2>/dev/null ||
      die "nginx did not start: $(cat "$WORK/error.log" "$WORK/nginx.out")"
  done
  die "no free port for nginx after 20 tries"
}

up() {
  [ -e "$WORK/nginx.pid" ] && die "$WORK is already up (scripts/replicas.sh down --work $WORK)"
  [ -n "${HOME_DIR:-}" ] || HOME_DIR=${NETAKOSH_HOME:-}
  [ -n "$HOME_DIR" ] || die "no home to snapshot: give --home or HOME_DIR"
  echo "$HOME_DIR" >"$WORK/source-home"
  say "snapshot"
  take_snapshot "$WORK/snap-1"
  say "two replicas of snap-1"
  start_pair "$WORK/snap-1" "$GEN"
  echo "$NEW" >"$WORK/replicas"
  # shellcheck disable=SC2086
  write_upstream $NEW
  say "nginx"
  start_nginx
  echo "work: $WORK"
  echo "proxy: $PROXY/"
}

rollout() {
  [ -s "$WORK/nginx.pid" ] || die "$WORK is not up (scripts/replicas.sh up)"
  HOME_DIR=${HOME_DIR:-$(cat "$WORK/source-home")}
  local n=1 old master workers
  while [ -e "$WORK/snap-$n" ]; do n=$((n + 1)); done
  say "snapshot"
  take_snapshot "$WORK/snap-$n"
  say "two replicas of snap-$n"
  start_pair "$WORK/snap-$n" "$GEN"
  old=$(cat "$WORK/replicas")
  say "switch nginx to them"
  master=$(cat "$WORK/nginx.pid")
  workers=$(children "$master")
  # shellcheck disable=SC2086
  write_upstream $NEW
  ngx -t -q || die "nginx -t refuses the new upstream"
  ngx -s reload
  # The master starts workers with the new upstream, then lets the old ones finish
  # their requests and exit: once they are gone, nothing uses the old replicas.
  # shellcheck disable=SC2086
  wait_gone 30 $workers || die "nginx's old workers ($workers) did not exit after the reload"
  echo "$NEW" >"$WORK/replicas"
  say "stop the old replicas"
  set -- $old
  local pids=()
  while [ $# -gt 0 ]; do
    if ours "$1"; then kill -TERM "$1" 2>/dev/null || true; pids+=("$1"); fi
    shift 2
  done
  wait_gone 10 "${pids[@]}" || die "old replicas ${pids[*]} did not stop"
  echo "rolled out snap-$n (generation $GEN): $(cat "$WORK/proxy")/"
}

down() {
  local pid pids=()
  if [ -s "$WORK/nginx.pid" ]; then
    pid=$(cat "$WORK/nginx.pid")
    if ours "$pid"; then
      ngx -s quit 2>/dev/null || kill -QUIT "$pid" 2>/dev/null || true
      wait_gone 20 "$pid" || kill -TERM "$pid" 2>/dev/null || true
    fi
    wait_gone 5 "$pid" || true
    rm -f "$WORK/nginx.pid"
  fi
  if [ -s "$WORK/pids" ]; then
    for pid in $(cat "$WORK/pids"); do
      if ours "$pid"; then kill -TERM "$pid" 2>/dev/null || true; pids+=("$pid"); fi
    done
    [ ${#pids[@]} -eq 0 ] || wait_gone 10 "${pids[@]}" || kill -KILL "${pids[@]}" 2>/dev/null || true
  fi
  rm -f "$WORK/pids" "$WORK/replicas"
  echo "down: $WORK"
}

# The loop of requests a rollout runs under: one new connection each, status codes to
# $WORK/loop.codes, until $WORK/loop.stop appears.
request_loop() {
  local url=$1
  rm -f "$WORK/loop.stop"
  : >"$WORK/loop.codes"
  while [ ! -e "$WORK/loop.stop" ]; do
    echo "$(code_of "$url/api/status") status" >>"$WORK/loop.codes"
    echo "$(code_of "$url/api/show/alok-ranjan") show" >>"$WORK/loop.codes"
  done
}

demo() {
  local check=$1 fail=0 alok='%E0%A4%86%E0%A4%B2%E0%A5%8B%E0%A4%95' path replica loop gen1
  if [ -z "${HOME_DIR:-}" ]; then
    HOME_DIR=$WORK/home
    mkdir -p "$HOME_DIR"
  fi
  if [ -z "${IMPORT:-}" ]; then
    IMPORT=$WORK/rollout-demo.jsonl
    cat >"$IMPORT" <<'EOF'
{"type":"person","id":"kamla-devi-verma","name":{"en":"Kamla Devi Verma","hi":"कमला देवी वर्मा"},"summary":{"en":"Added between two snapshots by scripts/replicas.sh.","hi":"दो स्नैपशॉट के बीच जोड़ा गया रिकॉर्ड।"}}
EOF
  fi
  trap 'down >/dev/null 2>&1 || true' EXIT
  up
  gen1=$GEN
  say "through the proxy, and straight from each replica"
  set -- $(cat "$WORK/replicas")
  for path in "/api/search?q=$alok" /api/show/alok-ranjan; do
    curl -fsS "$PROXY$path" >"$WORK/proxy.body" || { echo "FAIL: $path through nginx"; fail=1; continue; }
    for replica in "$2" "$4"; do
      curl -fsS "http://127.0.0.1:$replica$path" >"$WORK/replica.body"
      if cmp -s "$WORK/proxy.body" "$WORK/replica.body"; then
        echo "same answer: $path via nginx and via :$replica ($(wc -c <"$WORK/proxy.body") bytes)"
      else
        echo "FAIL: $path via nginx differs from :$replica"; fail=1
      fi
    done
  done
  for port in "$2" "$4"; do
    if grep -q "upstream=127.0.0.1:$port " "$WORK/access.log"; then
      echo "nginx sent requests to :$port ($(grep -c "upstream=127.0.0.1:$port " "$WORK/access.log"))"
    else
      echo "FAIL: nginx's access log shows no request sent to :$port"; fail=1
    fi
  done
  say "rollout under a loop of requests"
  request_loop "$PROXY" &
  loop=$!
  sleep 0.3
  "$BIN" --home "$HOME_DIR" import "$IMPORT"
  rollout
  sleep 0.3
  touch "$WORK/loop.stop"
  wait "$loop"
  local total bad
  total=$(wc -l <"$WORK/loop.codes")
  bad=$(grep -vc '^200 ' "$WORK/loop.codes" || true)
  if [ "$bad" = 0 ] && [ "$total" -gt 0 ]; then
    echo "no request failed: $total requests during the rollout, all 200"
  else
    echo "FAIL: $bad of $total requests during the rollout were not 200:"
    grep -v '^200 ' "$WORK/loop.codes" | sort | uniq -c
    fail=1
  fi
  local gen2; gen2=$(generation_of "$PROXY")
  if [ "$gen2" = "$GEN" ] && [ "$gen2" != "$gen1" ]; then
    echo "the proxy answers generation $gen2 (was $gen1)"
  else
    echo "FAIL: the proxy answers generation $gen2; the new snapshot is $GEN, the old $gen1"; fail=1
  fi
  say "down"
  down
  trap - EXIT
  if [ "$check" = 1 ] && [ "$fail" != 0 ]; then die "check failed (logs in $WORK)"; fi
  [ "$check" = 1 ] && echo "check passed"
  return 0
}

case $STEP in
  up)
    # On failure, stop what was started; on success leave it running for rollout/down.
    trap 'rc=$?; [ $rc = 0 ] || down >/dev/null 2>&1; exit $rc' EXIT
    up
    trap - EXIT ;;
  rollout) rollout ;;
  down) down ;;
  demo) demo 0 ;;
  check) demo 1 ;;
esac
