#!/usr/bin/env bash
# Stowage's real test servers on loopback, both at once:
#   S3:   Ceph RADOS Gateway on 127.0.0.1:${RGW_PORT:-7480}   (tests/servers/s3-rgw.sh)
#   SFTP: OpenSSH sshd on 127.0.0.1:${SSHD_PORT:-2222}        (tests/servers/sftp-sshd.sh)
#
#   servers.sh install   apt-get install the missing Debian packages (root); otherwise
#                        print exactly which packages are needed
#   servers.sh start     (re)start both; print the env lines and write them to $DIR/env
#   servers.sh stop      stop both
#   servers.sh status    exit 0 when both answer
#
# State folder: DIR=${STOWAGE_TESTBED_DIR:-/tmp/stowage-testbed}, with s3/ and sftp/
# (logs in s3/log/ and sftp/sshd.log). Tests read $DIR/env (tests/support/testbedEnv.ts).
# Needs root (Debian 12): it creates a local user and runs sshd and the Ceph daemons.
set -uo pipefail
cmd=${1:-status}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIR=${STOWAGE_TESTBED_DIR:-/tmp/stowage-testbed}
S3="$HERE/s3-rgw.sh"
SFTP="$HERE/sftp-sshd.sh"

say() { echo "servers: $*" >&2; }
T0=$(date +%s.%N)
elapsed() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }'; }

missing_packages() {
  local p out=""
  for p in $(bash "$SFTP" packages) $(bash "$S3" packages); do
    case " $out " in *" $p "*) continue ;; esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || out="$out $p"
  done
  echo "${out# }"
}

# Print the last lines of the logs that explain why server $1 (s3|sftp) failed; the
# sub-script names them in $DIR/$1/failed-log (none: it failed before starting a
# daemon, and its own message above says why).
show_log_tail() {
  local list="$DIR/$1/failed-log" log
  [ -s "$list" ] || return 0
  while read -r log; do
    [ -f "$log" ] || continue
    echo "servers: last lines of $log:" >&2
    tail -n 30 "$log" | sed 's/^/    /' >&2
  done <"$list"
}

case "$cmd" in
install)
  missing=$(missing_packages)
  if [ -z "$missing" ]; then say "all Debian packages present"; exit 0; fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "servers: not root. The test servers need these Debian 12 packages: $missing" >&2
      echo "servers: as root run:  apt-get update && apt-get install -y $missing" >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    echo "servers: apt-get not found. The test servers need these Debian 12 packages: $missing" >&2
    exit 1
  fi
  say "installing Debian packages: $missing"
  if ! $sudo apt-get update -qq >&2; then
    echo "servers: apt-get update failed; the packages needed are: $missing" >&2; exit 1
  fi
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >&2; then
    echo "servers: apt-get install failed; the packages needed are: $missing" >&2; exit 1
  fi
  say "installed: $missing"
  exit 0 ;;

start)
  missing=$(missing_packages)
  if [ -n "$missing" ]; then
    echo "servers: missing Debian packages: $missing; run: bash $0 install" >&2
    exit 1
  fi
  mkdir -p "$DIR"
  rm -f "$DIR/env"
  export TESTBED_NO_TAIL=1   # the sub-scripts leave the log tail to us
  # sshd first: it takes a second or two, the Ceph cluster ~20 s.
  if ! sftp_env=$(bash "$SFTP" start "$DIR/sftp"); then
    echo "servers: FAILED: the SFTP test server (sshd on 127.0.0.1:${SSHD_PORT:-2222}) did not come up" >&2
    show_log_tail sftp
    exit 1
  fi
  if ! s3_env=$(bash "$S3" start "$DIR/s3"); then
    echo "servers: FAILED: the S3 test server (Ceph RGW on 127.0.0.1:${RGW_PORT:-7480}) did not come up" >&2
    show_log_tail s3
    bash "$SFTP" stop "$DIR/sftp" || true
    exit 1
  fi
  printf '%s\n%s\n' "$s3_env" "$sftp_env" >"$DIR/env.tmp" && mv "$DIR/env.tmp" "$DIR/env"
  say "both up in $(elapsed); env written to $DIR/env"
  cat "$DIR/env"
  exit 0 ;;

stop)
  rm -f "$DIR/env"
  rc=0
  bash "$S3" stop "$DIR/s3" || rc=1
  bash "$SFTP" stop "$DIR/sftp" || rc=1
  exit $rc ;;

status)
  rc=0
  bash "$SFTP" status "$DIR/sftp" || rc=1
  bash "$S3" status "$DIR/s3" || rc=1
  if [ -f "$DIR/env" ]; then say "env: $DIR/env"; else say "no env file at $DIR/env"; rc=1; fi
  exit $rc ;;

*) echo "usage: $0 install|start|stop|status   (state: \$STOWAGE_TESTBED_DIR, default /tmp/stowage-testbed)" >&2
   exit 2 ;;
esac
