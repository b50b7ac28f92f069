#!/usr/bin/env bash
# A Rides cluster on this machine, loopback only: a private PostgreSQL (or ConnectionStrings__Rides), N silo
# processes and M edge processes of src/Silo, each on free ports. Run from the repository root.
#
#   deploy/local-cluster.sh up [--silos N] [--edges M]   start everything (defaults 3 and 2), wait until healthy
#   deploy/local-cluster.sh status                        one line per process: alive or not, healthy or not
#   deploy/local-cluster.sh kill silo N | kill edge N     SIGKILL, no goodbye
#   deploy/local-cluster.sh stop silo N | stop edge N     SIGTERM: a graceful shutdown
#   deploy/local-cluster.sh start silo N | start edge N   start it again on its ports, wait until healthy
#   deploy/local-cluster.sh restart postgres              stop the private PostgreSQL immediately, start it again
#   deploy/local-cluster.sh stop postgres | start postgres
#   deploy/local-cluster.sh down                          stop everything it started and remove its data
#
# State lives in deploy/.cluster (git-ignored; RIDES_CLUSTER_DIR moves it): state.json lists every process.
# RIDES_SILO_DLL names an already built Rides.Silo.dll (tests pass theirs); otherwise `up` builds src/Silo.
# The development token issuer is on, with one signing key shared by every edge.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${RIDES_CLUSTER_DIR:-$root/deploy/.cluster}"
procs="$dir/processes"     # kind index pid http_port silo_port gateway_port
health_timeout="${RIDES_CLUSTER_HEALTH_TIMEOUT:-90}"

log() { printf '%s\n' "$*" >&2; }
die() { log "local-cluster: $*"; exit 1; }

# --- ports and HTTP without curl or python: bash's /dev/tcp ------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Ports handed out so far, in a file: each $(free_port) runs in a subshell, so a shell variable would not keep them.
handed="$dir/ports.handed"
taken_ports() {
  [ -f "$procs" ] && awk '{print $4; print $5; print $6}' "$procs"
  [ -f "$dir/pg.port" ] && cat "$dir/pg.port"
  [ -f "$handed" ] && cat "$handed"
  true
}

# Ports come from below (or above) the kernel's ephemeral range. A port inside it that is free when chosen can
# become the local end of another process's outgoing connection before the server binds it ("address already in
# use"); outside it only listeners take ports, and port_in_use sees listeners.
port_range() {
  local low=32768 high=60999
  [ -r /proc/sys/net/ipv4/ip_local_port_range ] && read -r low high < /proc/sys/net/ipv4/ip_local_port_range
  if (( low - 1 - 10000 >= 4000 )); then echo "10000 $(( low - 1 ))"
  elif (( 65535 - high - 1 >= 4000 )); then echo "$(( high + 1 )) 65535"
  else echo "1024 65535"; fi
}

free_port() {
  local port taken low high
  read -r low high <<< "$(port_range)"
  taken=" $(taken_ports | tr '\n' ' ') "
  for _ in $(seq 1 200); do
    port=$(( low + (RANDOM * 32768 + RANDOM) % (high - low + 1) ))
    if [[ "$taken" != *" $port "* ]] && ! port_in_use "$port"; then
      mkdir -p "$dir" && echo "$port" >> "$handed"
      echo "$port"
      return 0
    fi
  done
  die "no free port found in $low-$high"
}

http_status() { # port path -> HTTP status code, or 000
  local reply
  reply=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf 'GET $2 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && head -c 12 <&3" 2>/dev/null || true)
  [[ "$reply" =~ ^HTTP/1\.[01]\ ([0-9]{3}) ]] && echo "${BASH_REMATCH[1]}" || echo 000
}

# --- PostgreSQL ------------------------------------------------------------------------------------------
pg_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return; }
  die "PostgreSQL server programs (initdb, pg_ctl) not found; install them (Debian: apt-get install -y postgresql) or set ConnectionStrings__Rides"
}

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  local data port bin
  data=$(cat "$dir/pg.data"); port=$(cat "$dir/pg.port"); bin=$(pg_bindir)
  as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
}

pg_stop() {
  local data bin
  data=$(cat "$dir/pg.data"); bin=$(pg_bindir)
  as_pg "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
}

pg_up() {
  if [ -n "${ConnectionStrings__Rides:-}" ]; then
    echo "$ConnectionStrings__Rides" > "$dir/connection"
    return
  fi
  local data bin port
  bin=$(pg_bindir)
  data=$(mktemp -d "${TMPDIR:-/tmp}/rides-cluster-pg.XXXXXX")
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
  echo "$data" > "$dir/pg.data"
  port=$(free_port); echo "$port" > "$dir/pg.port"
  as_pg "$bin/initdb" -D "$data/db" -A trust -U rides -E UTF8 --locale=C --no-sync >/dev/null
  echo "$data/db" > "$dir/pg.data"
  pg_start
  echo "Host=127.0.0.1;Port=$port;Username=rides;Database=postgres;Maximum Pool Size=40" > "$dir/connection"
}

# --- processes -------------------------------------------------------------------------------------------
dll() {
  if [ -n "${RIDES_SILO_DLL:-}" ]; then echo "$RIDES_SILO_DLL"; return; fi
  echo "$root/src/Silo/bin/Release/net10.0/Rides.Silo.dll"
}

build() {
  [ -n "${RIDES_SILO_DLL:-}" ] && { [ -f "$RIDES_SILO_DLL" ] || die "RIDES_SILO_DLL=$RIDES_SILO_DLL does not exist"; return; }
  log "building src/Silo (Release)"
  dotnet build "$root/src/Silo" -c Release -nologo -v q >/dev/null || die "the build failed: run dotnet build src/Silo -c Release"
}

field() { awk -v k="$1" -v i="$2" -v f="$3" '$1 == k && $2 == i { print $f }' "$procs"; }

set_pid() { # kind index pid
  awk -v k="$1" -v i="$2" -v p="$3" 'BEGIN { OFS = " " } $1 == k && $2 == i { $3 = p } { print }' "$procs" > "$procs.tmp"
  mv "$procs.tmp" "$procs"
}

alive() { [ -n "$1" ] && [ "$1" != 0 ] && kill -0 "$1" 2>/dev/null; }

launch() { # kind index
  local kind=$1 i=$2 http silo gateway role pid
  http=$(field "$kind" "$i" 4); silo=$(field "$kind" "$i" 5); gateway=$(field "$kind" "$i" 6)
  role=$kind
  mkdir -p "$dir/logs"
  (
    export ConnectionStrings__Rides
    ConnectionStrings__Rides=$(cat "$dir/connection")
    export Rides__Role=$role
    export ASPNETCORE_URLS="http://127.0.0.1:$http"
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
    export Rides__Silo__SiloPort=$silo Rides__Silo__GatewayPort=$gateway Rides__Silo__AdvertisedAddress=127.0.0.1
    export Rides__Silo__InstallSchemaOnStart=false
    export Rides__Auth__SigningKey
    Rides__Auth__SigningKey=$(cat "$dir/signing-key")
    export Rides__Auth__DevIssuer__Enabled=true
    exec setsid dotnet "$(dll)" >>"$dir/logs/$kind-$i.log" 2>&1 </dev/null
  ) &
  pid=$!
  set_pid "$kind" "$i" "$pid"
}

wait_healthy() { # kind index
  local kind=$1 i=$2 pid http deadline
  pid=$(field "$kind" "$i" 3); http=$(field "$kind" "$i" 4)
  deadline=$(( SECONDS + health_timeout ))
  while [ $SECONDS -lt $deadline ]; do
    alive "$pid" || { tail -20 "$dir/logs/$kind-$i.log" >&2; die "$kind $i (pid $pid) exited while starting; log: $dir/logs/$kind-$i.log"; }
    [ "$(http_status "$http" /health/ready)" = 200 ] && return 0
    sleep 0.25
  done
  tail -20 "$dir/logs/$kind-$i.log" >&2
  die "$kind $i (pid $pid) was not healthy within ${health_timeout}s; log: $dir/logs/$kind-$i.log"
}

line() { # kind index
  echo "$1 $2 pid=$(field "$1" "$2" 3) url=http://127.0.0.1:$(field "$1" "$2" 4)"
}

write_state() {
  local first=1 kind i pid http silo gateway
  {
    printf '{\n  "connection_string": "%s",\n  "processes": [' "$(sed 's/"/\\"/g' "$dir/connection")"
    while read -r kind i pid http silo gateway; do
      [ $first -eq 1 ] || printf ','
      first=0
      printf '\n    {"kind": "%s", "index": %s, "pid": %s, "url": "http://127.0.0.1:%s", "silo_port": %s, "gateway_port": %s}' \
        "$kind" "$i" "$pid" "$http" "$silo" "$gateway"
    done < "$procs"
    printf '\n  ]\n}\n'
  } > "$dir/state.json.tmp"
  mv "$dir/state.json.tmp" "$dir/state.json"
}

require_up() { [ -f "$procs" ] || die "no cluster is up (deploy/local-cluster.sh up)"; }

require_process() { # kind index
  [[ "$1" == silo || "$1" == edge ]] || die "kind must be silo or edge, not '$1'"
  [ -n "$(field "$1" "$2" 1)" ] || die "there is no $1 $2"
}

# --- commands --------------------------------------------------------------------------------------------
up() {
  local silos=3 edges=2 i
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) silos=$2; shift 2 ;;
      --edges) edges=$2; shift 2 ;;
      *) die "unknown option '$1' (up [--silos N] [--edges M])" ;;
    esac
  done
  [[ "$silos" =~ ^[1-9][0-9]*$ && "$edges" =~ ^[0-9]+$ ]] || die "--silos must be at least 1 and --edges at least 0"
  [ -f "$procs" ] && die "a cluster is already up in $dir (deploy/local-cluster.sh down first)"
  mkdir -p "$dir"
  build
  : > "$procs"
  head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$dir/signing-key"
  pg_up
  log "installing the schema"
  ConnectionStrings__Rides=$(cat "$dir/connection") dotnet "$(dll)" install-schema >>"$dir/install-schema.log" 2>&1 \
    || { cat "$dir/install-schema.log" >&2; die "installing the schema failed"; }
  for i in $(seq 1 "$silos"); do echo "silo $i 0 $(free_port) $(free_port) $(free_port)" >> "$procs"; done
  for i in $(seq 1 "$edges"); do echo "edge $i 0 $(free_port) 0 0" >> "$procs"; done
  # The first silo alone, then the rest together: the first creates the membership table's version row.
  launch silo 1; wait_healthy silo 1
  for i in $(seq 2 "$silos"); do launch silo "$i"; done
  for i in $(seq 2 "$silos"); do wait_healthy silo "$i"; done
  for i in $(seq 1 "$edges"); do launch edge "$i"; done
  for i in $(seq 1 "$edges"); do wait_healthy edge "$i"; done
  write_state
  for i in $(seq 1 "$silos"); do line silo "$i"; done
  for i in $(seq 1 "$edges"); do line edge "$i"; done
}

status() {
  require_up
  local kind i pid http state health
  while read -r kind i pid http _ _; do
    if alive "$pid"; then state=running; health=$(http_status "$http" /health/ready); [ "$health" = 200 ] && health=healthy || health="unhealthy($health)"
    else state=stopped; health=-; fi
    echo "$kind $i pid=$pid url=http://127.0.0.1:$http $state $health"
  done < "$procs"
  if [ -f "$dir/pg.data" ]; then
    port_in_use "$(cat "$dir/pg.port")" && echo "postgres port=$(cat "$dir/pg.port") running" || echo "postgres port=$(cat "$dir/pg.port") stopped"
  fi
}

signal() { # signal kind index
  require_up; require_process "$2" "$3"
  local pid
  pid=$(field "$2" "$3" 3)
  alive "$pid" || die "$2 $3 is not running"
  kill "-$1" "$pid"
  if [ "$1" = KILL ]; then
    while alive "$pid"; do sleep 0.05; done
  else
    for _ in $(seq 1 300); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && { kill -KILL "$pid"; log "$2 $3 did not stop within 30 s: killed"; }
  fi
  wait "$pid" 2>/dev/null || true
  echo "$2 $3 pid=$pid stopped"
}

start() { # kind index
  require_up; require_process "$1" "$2"
  local pid
  pid=$(field "$1" "$2" 3)
  alive "$pid" && die "$1 $2 is already running (pid $pid)"
  launch "$1" "$2"; wait_healthy "$1" "$2"; write_state; line "$1" "$2"
}

postgres() { # start|stop|restart
  require_up
  [ -f "$dir/pg.data" ] || die "the cluster uses ConnectionStrings__Rides, not a private PostgreSQL"
  case "$1" in
    stop) pg_stop; echo "postgres stopped" ;;
    start) pg_start; echo "postgres started" ;;
    restart) pg_stop; pg_start; echo "postgres restarted" ;;
    *) die "postgres takes start, stop or restart" ;;
  esac
}

down() {
  [ -d "$dir" ] || { echo "nothing to stop"; return; }
  local kind i pid
  if [ -f "$procs" ]; then
    while read -r kind i pid _; do alive "$pid" && kill -TERM "$pid" 2>/dev/null || true; done < "$procs"
    for _ in $(seq 1 100); do
      local any=0
      while read -r kind i pid _; do alive "$pid" && any=1; done < "$procs"
      [ $any -eq 0 ] && break
      sleep 0.1
    done
    while read -r kind i pid _; do alive "$pid" && kill -KILL "$pid" 2>/dev/null || true; done < "$procs"
  fi
  if [ -f "$dir/pg.data" ]; then
    pg_stop
    rm -rf "$(dirname "$(cat "$dir/pg.data")")"
  fi
  rm -rf "$dir"
  echo "cluster down"
}

cmd="${1:-}"; [ $# -gt 0 ] && shift
case "$cmd" in
  up) up "$@" ;;
  status) status ;;
  kill) [ $# -eq 2 ] || die "kill silo N | kill edge N"; signal KILL "$1" "$2" ;;
  stop)
    if [ "${1:-}" = postgres ]; then postgres stop
    else [ $# -eq 2 ] || die "stop silo N | stop edge N | stop postgres"; signal TERM "$1" "$2"; fi ;;
  start)
    if [ "${1:-}" = postgres ]; then postgres start
    else [ $# -eq 2 ] || die "start silo N | start edge N | start postgres"; start "$1" "$2"; fi ;;
  restart) [ "${1:-}" = postgres ] || die "restart postgres"; postgres restart ;;
  down) down ;;
  *) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
