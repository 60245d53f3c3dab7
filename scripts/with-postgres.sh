#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh CMD [ARGS...]
#
# Starts a throw-away PostgreSQL server on 127.0.0.1 (random free port, trust auth, fsync off unless
# CAIRN_PG_DURABLE=1, data in a fresh temp directory), exports
#   CAIRN_TEST_PG_URL=jdbc:postgresql://127.0.0.1:PORT/postgres
#   CAIRN_TEST_PG_USER=postgres
# runs CMD, then ALWAYS stops the server and removes the directory (also when CMD fails, on
# Ctrl-C and on SIGTERM/SIGHUP), and exits with CMD's exit code.
#
# As root, initdb and pg_ctl run as the `postgres` user (initdb refuses root); otherwise as the
# current user. PostgreSQL is installed with apt-get when /usr/lib/postgresql/*/bin/initdb is
# missing. CMD runs in its own process group (so that a signal stops it and every JVM it forked);
# it must not read from the terminal.
#
# Environment: CAIRN_PG_TMPDIR  parent of the temp directory (default: $TMPDIR or /tmp)
#              CAIRN_PG_DURABLE set to 1: keep PostgreSQL's default fsync=on (every commit is flushed to
#                               disk), for durable-commit benchmarks; tests run faster with it off
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh
source "$SCRIPT_DIR/lib.sh"

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]   (runs CMD with a throw-away PostgreSQL; see the script header)" >&2
  exit 2
fi

ensure_postgres
PG_BIN="$(pg_bin_dir)"

IS_ROOT=0
[[ "$(id -u)" -eq 0 ]] && IS_ROOT=1
if [[ "$IS_ROOT" -eq 1 ]] && ! id -u postgres >/dev/null 2>&1; then
  cairn_log "running as root but there is no 'postgres' user to run initdb as (apt-get install postgresql creates it)"
  exit 1
fi

PG_TMP=""
PG_DATA=""
PG_PORT=""
CHILD_PID=""
CLEANED=0

# Runs a PostgreSQL binary as the user that owns the cluster, from inside the temp directory
# (the postgres user may not be allowed into the caller's working directory).
as_pg() {
  if [[ "$IS_ROOT" -eq 1 ]]; then
    (cd "$PG_TMP" && runuser -u postgres -- "$@")
  else
    (cd "$PG_TMP" && "$@")
  fi
}

# True while any process of process group $1 is alive (zombies do not count).
group_alive() {
  local pg="$1" f s rest
  for f in /proc/[0-9]*/stat; do
    s="$(cat "$f" 2>/dev/null)" || continue
    rest="${s##*) }"
    # shellcheck disable=SC2086
    set -- $rest
    [[ "${3:-}" == "$pg" && "${1:-}" != "Z" ]] && return 0
  done
  return 1
}

stop_child() {
  [[ -n "$CHILD_PID" ]] || return 0
  local pgid="$CHILD_PID" i
  CHILD_PID=""
  if group_alive "$pgid"; then
    cairn_log "stopping what is left of the command (process group $pgid)"
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do
      group_alive "$pgid" || break
      sleep 0.2
    done
    if group_alive "$pgid"; then
      cairn_log "command still running after 30 s: killing process group $pgid"
      kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
  fi
  wait "$pgid" 2>/dev/null || true
}

stop_postgres() {
  [[ -n "$PG_TMP" ]] || return 0
  local pidfile="$PG_DATA/postmaster.pid" pid=""
  if [[ -f "$pidfile" ]]; then
    pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
      if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == postgres ]]; then
        cairn_log "pg_ctl stop failed: killing postmaster $pid"
        kill -KILL "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
          [[ -e "/proc/$pid" ]] || break
          sleep 0.1
        done
      fi
    fi
  fi
  rm -rf -- "$PG_TMP"
  cairn_log "PostgreSQL stopped; removed $PG_TMP"
  PG_TMP=""
}

cleanup() {
  [[ "$CLEANED" -eq 0 ]] || return 0
  CLEANED=1
  stop_child
  stop_postgres
}

# shellcheck disable=SC2317  # invoked from traps
on_signal() {
  local sig="$1"
  cairn_log "caught SIG$sig: cleaning up"
  cleanup
  trap - "$sig" EXIT
  kill "-$sig" "$$"
}

trap cleanup EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP

# A detached watchdog (own session, no open pipes) for the one case no trap covers: this script
# killed with SIGKILL. pg_ctl puts the server in a session of its own, so a process-group kill does
# not reach it either. Once this script is gone, the watchdog stops the server (if still running)
# and the command's process group and removes the directory; after a normal cleanup it finds
# nothing to do and exits within ~1 s.
start_watchdog() {
  local launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  # shellcheck disable=SC2016  # the script's variables are the watchdog's own arguments
  "${launcher[@]}" bash -c '
    parent="$1" tmp="$2" data="$3" bin="$4" root="$5"
    while kill -0 "$parent" 2>/dev/null; do sleep 1; done
    [ -d "$tmp" ] || exit 0
    if [ -f "$tmp/command.pgid" ]; then
      pgid="$(cat "$tmp/command.pgid")"
      kill -TERM -- "-$pgid" 2>/dev/null && sleep 5
      kill -KILL -- "-$pgid" 2>/dev/null
    fi
    if [ -f "$data/postmaster.pid" ]; then
      if [ "$root" = 1 ]; then
        (cd "$tmp" && runuser -u postgres -- "$bin/pg_ctl" -D "$data" -m immediate -w stop)
      else
        (cd "$tmp" && "$bin/pg_ctl" -D "$data" -m immediate -w stop)
      fi
    fi
    rm -rf -- "$tmp"
  ' cairn-pg-watchdog "$$" "$PG_TMP" "$PG_DATA" "$PG_BIN" "$IS_ROOT" </dev/null >/dev/null 2>&1 &
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
  local p i
  for ((i = 0; i < 100; i++)); do
    # Below Linux's ephemeral range (32768+), so outgoing connections do not take it meanwhile.
    p="$(shuf -i 15000-32000 -n 1)"
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  cairn_log "no free port found"
  return 1
}

T0="$(cairn_now)"
PARENT_TMP="${CAIRN_PG_TMPDIR:-${TMPDIR:-/tmp}}"
PG_TMP="$(mktemp -d "$PARENT_TMP/cairn-pg.XXXXXXXX")"
PG_DATA="$PG_TMP/data"
PG_LOG="$PG_TMP/postgres.log"
if [[ "$IS_ROOT" -eq 1 ]]; then
  chown postgres: "$PG_TMP"
  if ! runuser -u postgres -- test -w "$PG_TMP"; then
    # The postgres user cannot reach $PARENT_TMP (e.g. a TMPDIR under /root): use /tmp.
    rm -rf -- "$PG_TMP"
    PG_TMP="$(mktemp -d /tmp/cairn-pg.XXXXXXXX)"
    PG_DATA="$PG_TMP/data"
    PG_LOG="$PG_TMP/postgres.log"
    chown postgres: "$PG_TMP"
  fi
fi
chmod 700 "$PG_TMP"
start_watchdog

if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres -E UTF8 --no-locale --no-sync \
    >"$PG_TMP/initdb.log" 2>&1; then
  cairn_log "initdb failed:"
  cat "$PG_TMP/initdb.log" >&2
  exit 1
fi

FSYNC_OPT=" -c fsync=off"
FSYNC_SAYS="fsync off"
if [[ "${CAIRN_PG_DURABLE:-0}" == 1 ]]; then
  FSYNC_OPT=""
  FSYNC_SAYS="fsync on: durable commits"
fi

started=0
for attempt in 1 2 3 4 5; do
  PG_PORT="$(pick_port)"
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP$FSYNC_OPT" start >/dev/null; then
    started=1
    break
  fi
  if grep -q -i "could not bind\|address already in use" "$PG_LOG" 2>/dev/null; then
    cairn_log "port $PG_PORT was taken meanwhile (attempt $attempt): trying another"
    continue
  fi
  break
done
if [[ "$started" -ne 1 ]]; then
  cairn_log "PostgreSQL did not start; its log:"
  tail -n 50 "$PG_LOG" >&2 || true
  exit 1
fi

export CAIRN_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
export CAIRN_TEST_PG_USER="postgres"
unset CAIRN_TEST_PG_PASSWORD
cairn_log "$("$PG_BIN/postgres" --version) ready at 127.0.0.1:$PG_PORT in $(cairn_elapsed "$T0") s ($FSYNC_SAYS; data $PG_DATA, socket dir $PG_TMP, log $PG_LOG)"
cairn_log "CAIRN_TEST_PG_URL=$CAIRN_TEST_PG_URL CAIRN_TEST_PG_USER=$CAIRN_TEST_PG_USER"

T1="$(cairn_now)"
# Own process group (job control on just for this spawn), so that stop_child reaches every
# process the command started, e.g. Maven's forked test JVMs.
set -m
"$@" &
CHILD_PID=$!
set +m
echo "$CHILD_PID" >"$PG_TMP/command.pgid"
rc=0
wait "$CHILD_PID" || rc=$?
cairn_log "command exited with code $rc after $(cairn_elapsed "$T1") s: $*"
# cleanup also stops whatever the command left running in its process group.
cleanup
exit "$rc"
