#!/usr/bin/env bash
# A real SFTP server for Stowage's tests: OpenSSH sshd (Debian openssh-server 9.2) on
# 127.0.0.1 with its own ed25519 host key, a password user and a set of client keys
# (ed25519, RSA PEM like an EC2 .pem, encrypted ed25519, ECDSA, PuTTY .ppk).
# Adapted from a recipe known good on the project's machines (Debian 12, root).
#
#   sftp-sshd.sh install       apt-get install the missing Debian packages (root)
#   sftp-sshd.sh start [DIR]   (re)start sshd; print env lines on stdout, write DIR/env
#   sftp-sshd.sh stop  [DIR]
#   sftp-sshd.sh status [DIR]  exit 0 when the sshd from DIR is up
#   sftp-sshd.sh packages      list the Debian packages this script needs
#
# DIR defaults to /tmp/stowage-testbed/sftp and is wiped on start except DIR/keys (the
# host key and client keys are kept, so a restart does not change the host key).
# Env: SSHD_PORT (2222), SFTP_USER (sftptest; another name isolates a second instance). start empties the test user's home folder of what earlier
# runs left there. Only the env lines go to stdout; progress goes to stderr.
set -euo pipefail
cmd=${1:-start}
D=${2:-${STOWAGE_TESTBED_DIR:-/tmp/stowage-testbed}/sftp}
PORT=${SSHD_PORT:-2222}
case "$PORT" in ''|*[!0-9]*) echo "sftp-sshd: SSHD_PORT must be a number, not '$PORT'" >&2; exit 2 ;; esac
USER_NAME=${SFTP_USER:-sftptest}
PASS=sftp-test-password
PASSPHRASE=key-passphrase
# The test user's GECOS field: start only ever empties the home of a user carrying it.
GECOS="Stowage SFTP test user"
PACKAGES="openssh-server openssh-client putty-tools"
MARKER=.stowage-testbed-sftp

say() { echo "sftp-sshd: $*" >&2; }
T0=$(date +%s.%N)
elapsed() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }'; }

missing_packages() {
  local p out=""
  for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || out="$out $p"
  done
  echo "${out# }"
}

do_install() {
  local missing; missing=$(missing_packages)
  if [ -z "$missing" ]; then say "Debian packages present: $PACKAGES"; return 0; fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "sftp-sshd: needs these Debian packages: $missing" >&2
      echo "sftp-sshd: run as root: apt-get update && apt-get install -y $missing" >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    echo "sftp-sshd: apt-get not found; install these Debian (12) packages by hand: $missing" >&2
    return 1
  fi
  say "installing: $missing"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >&2
}

# The listener's pid, only if it still is an sshd (never kill a reused pid).
our_pid() {
  local p exe
  [ -f "$D/sshd.pid" ] || return 0
  p=$(cat "$D/sshd.pid" 2>/dev/null || true)
  case "$p" in ''|*[!0-9]*) return 0 ;; esac
  # exe is unreadable for another user's process (status as non-root): then comm.
  exe=$(readlink "/proc/$p/exe" 2>/dev/null || cat "/proc/$p/comm" 2>/dev/null || true)
  [ "${exe##*/}" = sshd ] && echo "$p"
  return 0
}

do_stop() {
  local p; p=$(our_pid)
  [ -n "$p" ] || return 0
  kill "$p" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$p" 2>/dev/null || true
  say "stopped (pid $p)"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
who_listens() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -1; }
sshd_answers() { ssh-keyscan -T 2 -p "$PORT" 127.0.0.1 2>/dev/null | grep -q ssh-ed25519; }

case "$cmd" in
packages) echo "$PACKAGES"; exit 0 ;;
install) do_install; exit $? ;;
stop) do_stop; exit 0 ;;
status)
  if [ -n "$(our_pid)" ] && sshd_answers; then say "running: 127.0.0.1:$PORT (state $D)"; exit 0; fi
  say "not running (state $D)"; exit 1 ;;
start) ;;
*) echo "usage: $0 install|start|stop|status [DIR]" >&2; exit 2 ;;
esac

# ---- start -------------------------------------------------------------------
exec 3>&1 1>&2   # fd 3 = the caller's stdout (env lines only); all chatter to stderr

case "$D" in ''|/) echo "sftp-sshd: refusing state dir '$D'" >&2; exit 2 ;; esac
if [ -d "$D" ] && [ -n "$(ls -A "$D" 2>/dev/null)" ] && [ ! -e "$D/$MARKER" ]; then
  echo "sftp-sshd: $D is not empty and was not made by this script; refusing to wipe it" >&2
  exit 2
fi
rm -f "$D/failed-log"   # from an earlier failed start
missing=$(missing_packages)
if [ -n "$missing" ]; then
  echo "sftp-sshd: missing Debian packages: $missing (run: bash $0 install)" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "sftp-sshd: must run as root (it creates the user $USER_NAME and runs sshd with password login)" >&2
  exit 1
fi

do_stop   # a previous instance from the same DIR, if any
if port_busy "$PORT"; then
  echo "sftp-sshd: 127.0.0.1:$PORT is in use by another process ($(who_listens "$PORT")); stop it or set SSHD_PORT" >&2
  exit 1
fi

mkdir -p "$D"
find "$D" -mindepth 1 -maxdepth 1 ! -name keys -exec rm -rf {} +
mkdir -p "$D/keys"; touch "$D/$MARKER"
D=$(cd "$D" && pwd)
K="$D/keys"
# sshd reads authorized_keys as the user, after dropping privileges: the folders on
# the way to it must be readable by that user.
chmod 755 "$D" "$K"
LOG="$D/sshd.log"
CUR_LOG="$LOG"

fail() {
  trap - ERR
  echo "sftp-sshd: FAILED: $*" >&2
  echo "$CUR_LOG" >"$D/failed-log"
  if [ "${TESTBED_NO_TAIL:-}" != 1 ]; then
    echo "sftp-sshd: last lines of $CUR_LOG:" >&2
    tail -n 20 "$CUR_LOG" 2>/dev/null | sed 's/^/    /' >&2 || true
  fi
  do_stop || true
  exit 1
}
trap 'fail "unexpected error (line $LINENO: $BASH_COMMAND)"' ERR
: >"$LOG"

# ---- the test user ----
if id "$USER_NAME" >/dev/null 2>&1; then
  if [ "$(getent passwd "$USER_NAME" | cut -d: -f5)" != "$GECOS" ]; then
    # sftptest made by an older script (no GECOS mark): adopt it.
    usermod -c "$GECOS" "$USER_NAME"
  fi
else
  useradd -m -s /bin/bash -c "$GECOS" "$USER_NAME"
fi
echo "$USER_NAME:$PASS" | chpasswd
HOME_DIR=$(getent passwd "$USER_NAME" | cut -d: -f6)
# Empty the home of leftovers from earlier test runs; only ever inside that home.
case "$HOME_DIR" in
  /|''|/root|/home|/usr*|/etc*|/var|/bin*|/sbin*|/lib*|/boot*|/proc*|/sys*|/dev*|/tmp|/run*)
    fail "unexpected home folder '$HOME_DIR' for $USER_NAME; not cleaning it" ;;
esac
if [ "$(getent passwd "$USER_NAME" | cut -d: -f5)" = "$GECOS" ] && [ "$(id -u "$USER_NAME")" -ge 1000 ]; then
  mkdir -p "$HOME_DIR"
  find "$HOME_DIR" -xdev -mindepth 1 -maxdepth 1 -exec rm -rf --one-file-system {} +
  chown "$USER_NAME:" "$HOME_DIR"; chmod 755 "$HOME_DIR"
else
  say "warning: not cleaning $HOME_DIR ($USER_NAME has uid < 1000)"
fi

# ---- keys (kept across restarts; made once) ----
keygen() {   # file, ssh-keygen args...
  local f=$1; shift
  if [ -s "$K/$f" ] && [ -s "$K/$f.pub" ]; then return 0; fi
  rm -f "$K/$f" "$K/$f.pub"
  ssh-keygen -q "$@" -f "$K/$f" >>"$LOG" 2>&1
}
keygen host_ed25519   -t ed25519 -N '' -C stowage-testbed-host
keygen id_ed25519     -t ed25519 -N '' -C test-ed25519
[ -s "$K/id_rsa_pem" ] || rm -f "$K"/*.ppk   # the .ppk files are made from this key
keygen id_rsa_pem     -t rsa -b 3072 -m PEM -N '' -C test-rsa-pem       # like an EC2 .pem
keygen id_ed25519_enc -t ed25519 -N "$PASSPHRASE" -C test-encrypted
keygen id_ecdsa       -t ecdsa -b 256 -N '' -C test-ecdsa
# PuTTY keys from the RSA key. puttygen 0.78 writes PPK version 3 by default (what
# PuTTY >= 0.75 makes; encrypted v3 uses Argon2id); v2 is the older format, the only
# one the ssh2 npm package parses (and only for RSA/DSA).
if [ ! -s "$K/id_rsa.ppk" ] || [ ! -s "$K/id_rsa_v2.ppk" ] || [ ! -s "$K/id_rsa_enc.ppk" ]; then
  printf '%s\n' "$PASSPHRASE" >"$K/.ppk-pass"
  puttygen "$K/id_rsa_pem" -O private -o "$K/id_rsa.ppk" >>"$LOG" 2>&1
  puttygen "$K/id_rsa_pem" -O private --ppk-param version=2 -o "$K/id_rsa_v2.ppk" >>"$LOG" 2>&1
  puttygen "$K/id_rsa_pem" -O private --new-passphrase "$K/.ppk-pass" -o "$K/id_rsa_enc.ppk" >>"$LOG" 2>&1
  rm -f "$K/.ppk-pass"
fi
chmod 600 "$K"/host_ed25519 "$K"/id_ed25519 "$K"/id_rsa_pem "$K"/id_ed25519_enc "$K"/id_ecdsa "$K"/*.ppk
chmod 644 "$K"/*.pub
cat "$K"/id_*.pub >"$D/authorized_keys"; chmod 644 "$D/authorized_keys"
runuser -u "$USER_NAME" -- test -r "$D/authorized_keys" ||
  fail "$USER_NAME cannot read $D/authorized_keys (sshd reads it as the user): make the folders above $D world-searchable (chmod 755)"

# ---- sshd ----
cat >"$D/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $K/host_ed25519
PidFile $D/sshd.pid
AuthorizedKeysFile $D/authorized_keys
PasswordAuthentication yes
KbdInteractiveAuthentication yes
PubkeyAuthentication yes
PermitRootLogin no
UsePAM yes
StrictModes no
UseDNS no
Subsystem sftp internal-sftp
AllowUsers $USER_NAME
# Parallel tests open many connections and channels at once.
MaxStartups 100:30:200
MaxSessions 50
LogLevel VERBOSE
CONF
mkdir -p /run/sshd   # privilege separation folder; missing when sshd never ran
/usr/sbin/sshd -t -f "$D/sshd_config" >>"$LOG" 2>&1 || fail "sshd rejected its config ($D/sshd_config)"
/usr/sbin/sshd -f "$D/sshd_config" -E "$LOG" 3>&-   # must not hold the caller's stdout (fd 3)
ok=""
for _ in $(seq 1 40); do sshd_answers && { ok=1; break; }; sleep 0.25; done
[ -n "$ok" ] || fail "sshd did not answer on 127.0.0.1:$PORT within 10 s"
trap - ERR
rm -f "$D/failed-log"

env_lines() {
  echo "SFTP_HOST=127.0.0.1"
  echo "SFTP_PORT=$PORT"
  echo "SFTP_USER=$USER_NAME"
  echo "SFTP_PASSWORD=$PASS"
  echo "SFTP_HOME=$HOME_DIR"
  echo "SFTP_KEY_ED25519=$K/id_ed25519"
  echo "SFTP_KEY_RSA_PEM=$K/id_rsa_pem"
  echo "SFTP_KEY_ECDSA=$K/id_ecdsa"
  echo "SFTP_KEY_ENCRYPTED=$K/id_ed25519_enc"
  echo "SFTP_KEY_PASSPHRASE=$PASSPHRASE"
  echo "SFTP_KEY_PPK=$K/id_rsa.ppk"
  echo "SFTP_KEY_PPK_V2=$K/id_rsa_v2.ppk"
  echo "SFTP_KEY_PPK_ENCRYPTED=$K/id_rsa_enc.ppk"
  echo "SFTP_HOST_KEY_PUB=$K/host_ed25519.pub"
}
env_lines >"$D/env.tmp" && mv "$D/env.tmp" "$D/env"
say "up: 127.0.0.1:$PORT in $(elapsed) (log $LOG)"
env_lines >&3
