#!/usr/bin/env bash
# Marker-stream crash test, long form: runs sdk-core's MarkerCrashTest with many SIGKILLs.
#
#   scripts/crash-test.sh [KILLS] [MVN ARGS...]
#
# KILLS defaults to $CAIRN_CRASH_KILLS, else 1000 (the test suite itself runs 50). The test starts a
# child JVM that appends to a marker stream from 8 threads, kills it with SIGKILL at a random moment,
# reopens the stream (recovery runs on every reopen of the same directory; a fresh directory every
# 100 kills), and checks that every acknowledged append is present with the same hash and that the
# whole chain verifies. The kill count reaches the forked test JVM as the environment variable
# CAIRN_CRASH_KILLS (surefire forwards the environment). Prints the test's summary line:
#   crash-test: kills=... acknowledged-appends-checked=... max-records-cut=... ...
# and exits non-zero if the test failed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=scripts/lib.sh
source "$REPO_ROOT/scripts/lib.sh"

kills="${CAIRN_CRASH_KILLS:-1000}"
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  kills="$1"
  shift
fi

ensure_java_maven
summary="$REPO_ROOT/sdk-core/target/crash-test-summary.txt"
rm -f "$summary"

cairn_heading "Marker crash test: $kills SIGKILLs (mvn -B -pl sdk-core verify -Dtest=MarkerCrashTest${*:+ $*})"
t0="$(cairn_now)"
status=0
(cd "$REPO_ROOT" && CAIRN_CRASH_KILLS="$kills" mvn -B -pl sdk-core verify \
  -Dtest=MarkerCrashTest -Dsurefire.failIfNoSpecifiedTests=false "$@") || status=$?

if [[ -f "$summary" ]]; then
  cat "$summary"
else
  cairn_log "no summary: the test did not finish (see the Maven output above)"
fi
if [[ "$status" -ne 0 ]]; then
  cairn_log "crash test FAILED after $(cairn_elapsed "$t0") s"
  exit "$status"
fi
cairn_log "crash test passed in $(cairn_elapsed "$t0") s"
