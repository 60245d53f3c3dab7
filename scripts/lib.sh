#!/usr/bin/env bash
# Shared helpers for ./cairn and scripts/*.sh. Source it; it defines functions only.
#   ensure_java_maven  - a JDK >= 17 (java + javac) and mvn, installed with apt-get when missing
#   ensure_postgres    - PostgreSQL server binaries (initdb, pg_ctl), installed when missing
#   pg_bin_dir         - prints the newest /usr/lib/postgresql/*/bin that has initdb

cairn_log() { printf '[cairn] %s\n' "$*" >&2; }

cairn_heading() {
  printf '\n==============================================================================\n' >&2
  printf '== %s\n' "$*" >&2
  printf '==============================================================================\n' >&2
}

# Seconds since the epoch with sub-second precision where bash provides it.
cairn_now() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then printf '%s' "${EPOCHREALTIME/,/.}"; else date +%s; fi
}

# cairn_elapsed START -> "12.3"
cairn_elapsed() {
  awk -v s="$1" -v e="$(cairn_now)" 'BEGIN { printf "%.1f", e - s }'
}

# Runs its arguments as root: directly when we are root, else through sudo.
cairn_as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    cairn_log "need root to run: $* (and sudo is not installed)"
    return 1
  fi
}

_cairn_apt_updated=0
cairn_apt_install() {
  if [[ "$_cairn_apt_updated" -eq 0 ]]; then
    cairn_log "apt-get update"
    cairn_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    _cairn_apt_updated=1
  fi
  cairn_log "apt-get install -y $*"
  cairn_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# Major version of the javac on PATH, or 0.
_cairn_javac_major() {
  local v
  command -v javac >/dev/null 2>&1 || { echo 0; return; }
  v="$(javac -version 2>&1 | awk '/^javac /{print $2; exit}')"
  v="${v%%.*}"
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

ensure_java_maven() {
  local missing=()
  if [[ "$(_cairn_javac_major)" -lt 17 ]] || ! command -v java >/dev/null 2>&1; then
    missing+=(openjdk-17-jdk-headless)
  fi
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  if [[ ${#missing[@]} -gt 0 ]]; then
    cairn_log "installing missing tools: ${missing[*]}"
    cairn_apt_install "${missing[@]}"
  fi
  if [[ "$(_cairn_javac_major)" -lt 17 ]]; then
    # An older JDK is still the default: point this run at the JDK 17 we installed.
    local jdk
    for jdk in /usr/lib/jvm/java-17-openjdk-*; do
      if [[ -x "$jdk/bin/javac" ]]; then
        export JAVA_HOME="$jdk"
        export PATH="$jdk/bin:$PATH"
        break
      fi
    done
  fi
  if [[ "$(_cairn_javac_major)" -lt 17 ]]; then
    cairn_log "no JDK 17 or newer found (javac $(javac -version 2>&1 || true))"
    return 1
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    cairn_log "mvn not found after installing maven"
    return 1
  fi
}

pg_bin_dir() {
  local d best=""
  while IFS= read -r d; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && best="$d"
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

ensure_postgres() {
  if ! pg_bin_dir >/dev/null; then
    cairn_log "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: installing"
    cairn_apt_install postgresql
    pg_bin_dir >/dev/null || { cairn_log "PostgreSQL install did not provide initdb"; return 1; }
  fi
}
