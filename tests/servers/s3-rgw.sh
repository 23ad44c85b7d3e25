#!/usr/bin/env bash
# A real S3 server for Stowage's tests and benchmarks: Ceph RADOS Gateway (Debian
# package radosgw 16.2) with one monitor and one memstore OSD (object data in RAM),
# all on 127.0.0.1. Adapted from a recipe known good on the project's machines
# (Debian 12, root, 2 cores).
#
#   s3-rgw.sh install        apt-get install the missing Debian packages (root)
#   s3-rgw.sh start [DIR]    (re)boot mon + memstore osd + radosgw; print env lines
#                            on stdout and write them to DIR/env
#   s3-rgw.sh stop  [DIR]    stop the daemons started from DIR
#   s3-rgw.sh status [DIR]   exit 0 when the gateway from DIR answers
#   s3-rgw.sh packages       list the Debian packages this script needs
#
# DIR defaults to /tmp/stowage-testbed/s3. It is wiped on start: use it for nothing else.
# Env: RGW_PORT (7480), MON_PORT (40789), MEMSTORE_BYTES (4 GiB; every stored byte
# lives in RAM, so size it for what a test writes and delete what you wrote),
# RGW_STS (0; 1 turns on RGW's STS, see the note in the config below),
# RGW_TLS_PORT (RGW_PORT + 1; 0 turns TLS off): the same gateway also serves HTTPS there,
# with a certificate for 127.0.0.1 and localhost signed by a private CA made in DIR/tls
# (env lines S3_TLS_ENDPOINT and S3_CA_FILE). Plain HTTP on RGW_PORT is unchanged.
# Only the env lines go to stdout; progress goes to stderr, daemon output to DIR/log.
set -euo pipefail
cmd=${1:-start}
D=${2:-${STOWAGE_TESTBED_DIR:-/tmp/stowage-testbed}/s3}
RGW_PORT=${RGW_PORT:-7480}
MON_PORT=${MON_PORT:-40789}
MEMSTORE_BYTES=${MEMSTORE_BYTES:-4294967296}
RGW_STS=${RGW_STS:-0}
for v in RGW_PORT MON_PORT MEMSTORE_BYTES; do
  case "${!v}" in ''|*[!0-9]*) echo "s3-rgw: $v must be a number, not '${!v}'" >&2; exit 2 ;; esac
done
# Beside RGW_PORT, so a second gateway started on another RGW_PORT (the retry test, the
# benchmark) never competes with the first for its TLS port.
RGW_TLS_PORT=${RGW_TLS_PORT:-$((RGW_PORT + 1))}
case "$RGW_TLS_PORT" in ''|*[!0-9]*) echo "s3-rgw: RGW_TLS_PORT must be a number, not '$RGW_TLS_PORT'" >&2; exit 2 ;; esac
KEY=TESTACCESSKEY
SECRET=TESTSECRETKEY
KEY2=TESTACCESSKEY2
SECRET2=TESTSECRETKEY2
REGION=us-east-1
# RGW's STS (AssumeRole, GetSessionToken) needs a key of exactly 16 characters.
STS_KEY=stowagetestbed16
PACKAGES="ceph-mon ceph-osd radosgw uuid-runtime curl openssl"
MARKER=.stowage-testbed-s3

say() { echo "s3-rgw: $*" >&2; }
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
      echo "s3-rgw: needs these Debian packages: $missing" >&2
      echo "s3-rgw: run as root: apt-get update && apt-get install -y $missing" >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    echo "s3-rgw: apt-get not found; install these Debian (12) packages by hand: $missing" >&2
    return 1
  fi
  say "installing: $missing"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >&2
}

# Pids from DIR's pid files that still are one of our daemons (a stale pid file must
# never make us kill an unrelated process that reused the number).
our_pids() {
  local f p exe
  for f in "$D"/mon.a.pid "$D"/osd.0.pid "$D"/client.rgw.pid; do
    [ -f "$f" ] || continue
    p=$(cat "$f" 2>/dev/null || true)
    case "$p" in ''|*[!0-9]*) continue ;; esac
    # exe is unreadable for another user's process (status as non-root): then comm.
    exe=$(readlink "/proc/$p/exe" 2>/dev/null || cat "/proc/$p/comm" 2>/dev/null || true)
    case "${exe##*/}" in ceph-mon|ceph-osd|radosgw) echo "$p" ;; esac
  done
}

do_stop() {
  local pids p alive
  pids=$(our_pids)
  [ -n "$pids" ] || return 0
  # SIGKILL straight away, all three: a clean shutdown takes ~2 s per daemon (8 s for
  # the three) and buys nothing, as start wipes DIR and memstore data lives in RAM.
  for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    alive=""; for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
    [ -z "$alive" ] && break; sleep 0.2
  done
  say "stopped (pids$(printf ' %s' $pids))"
}

rgw_answers() { curl --noproxy '*' -s -o /dev/null -m 2 "http://127.0.0.1:$RGW_PORT/"; }
# --cacert names the private CA: the machine's CURL_CA_BUNDLE must not decide this.
rgw_tls_answers() { [ "$RGW_TLS_PORT" = 0 ] || curl --noproxy '*' -s -o /dev/null -m 2 --cacert "$D/tls/ca.pem" "https://127.0.0.1:$RGW_TLS_PORT/"; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
who_listens() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -1; }

case "$cmd" in
packages) echo "$PACKAGES"; exit 0 ;;
install) do_install; exit $? ;;
stop) do_stop; exit 0 ;;
status)
  if [ -n "$(our_pids)" ] && rgw_answers; then say "running: http://127.0.0.1:$RGW_PORT (state $D)"; exit 0; fi
  say "not running (state $D)"; exit 1 ;;
start) ;;
*) echo "usage: $0 install|start|stop|status [DIR]" >&2; exit 2 ;;
esac

# ---- start -------------------------------------------------------------------
exec 3>&1 1>&2   # fd 3 = the caller's stdout (env lines only); all chatter to stderr

case "$D" in ''|/) echo "s3-rgw: refusing state dir '$D'" >&2; exit 2 ;; esac
if [ -d "$D" ] && [ -n "$(ls -A "$D" 2>/dev/null)" ] && [ ! -e "$D/$MARKER" ]; then
  echo "s3-rgw: $D is not empty and was not made by this script; refusing to wipe it" >&2
  exit 2
fi
rm -f "$D/failed-log"   # from an earlier failed start
missing=$(missing_packages)
if [ -n "$missing" ]; then
  echo "s3-rgw: missing Debian packages: $missing (run: bash $0 install)" >&2
  exit 1
fi

do_stop   # a previous instance from the same DIR, if any
for port in "$RGW_PORT" "$MON_PORT" "$RGW_TLS_PORT"; do
  [ "$port" = 0 ] && continue
  if port_busy "$port"; then
    echo "s3-rgw: 127.0.0.1:$port is in use by another process ($(who_listens "$port")); stop it or set RGW_PORT / MON_PORT / RGW_TLS_PORT" >&2
    exit 1
  fi
done

rm -rf "$D"; mkdir -p "$D"/mon "$D"/osd "$D"/log; touch "$D/$MARKER"
D=$(cd "$D" && pwd)
SETUP_LOG="$D/log/setup.log"
CUR_LOG="$SETUP_LOG"

fail() {
  trap - ERR
  echo "s3-rgw: FAILED: $*" >&2
  # The daemon's own log, then what the commands printed: one path a line.
  { [ -s "$CUR_LOG" ] && echo "$CUR_LOG"; [ "$CUR_LOG" != "$SETUP_LOG" ] && [ -s "$SETUP_LOG" ] && echo "$SETUP_LOG"; } >"$D/failed-log" || true
  if [ "${TESTBED_NO_TAIL:-}" != 1 ]; then
    while read -r log; do
      echo "s3-rgw: last lines of $log:" >&2
      tail -n 20 "$log" 2>/dev/null | sed 's/^/    /' >&2 || true
    done <"$D/failed-log"
  fi
  do_stop || true
  exit 1
}
trap 'fail "unexpected error (line $LINENO: $BASH_COMMAND)"' ERR

# A private CA and a certificate it signs for 127.0.0.1 and localhost, made anew on every
# start: clients trust the CA only when told to (S3_CA_FILE), as users of a self-hosted
# store with a private CA do. EC P-256 keys: made in milliseconds.
FRONTENDS="beast endpoint=127.0.0.1:$RGW_PORT"
if [ "$RGW_TLS_PORT" != 0 ]; then
  T="$D/tls"; mkdir -p "$T"
  EC_KEY="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
  openssl req -x509 $EC_KEY -keyout "$T/ca.key" -out "$T/ca.pem" -days 30 -subj "/CN=Stowage test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" >>"$SETUP_LOG" 2>&1
  openssl req -new $EC_KEY -keyout "$T/rgw.key" -out "$T/rgw.csr" -subj "/CN=127.0.0.1" >>"$SETUP_LOG" 2>&1
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' >"$T/rgw.ext"
  openssl x509 -req -in "$T/rgw.csr" -CA "$T/ca.pem" -CAkey "$T/ca.key" -CAcreateserial -days 30 -extfile "$T/rgw.ext" -out "$T/rgw.pem" >>"$SETUP_LOG" 2>&1
  FRONTENDS="$FRONTENDS ssl_endpoint=127.0.0.1:$RGW_TLS_PORT ssl_certificate=$T/rgw.pem ssl_private_key=$T/rgw.key"
fi

FSID=$(uuidgen)
CONF="$D/ceph.conf"
cat >"$CONF" <<CONF
[global]
fsid = $FSID
# v1: prefix matters: without it the monmap says v2 and daemons cannot reach the mon.
mon host = v1:127.0.0.1:$MON_PORT
public addr = 127.0.0.1
cluster addr = 127.0.0.1
public network = 127.0.0.0/8
cluster network = 127.0.0.0/8
# msgr2 off, else the OSD never comes up (loops on "NetHandler create_socket ... (97)").
ms bind msgr2 = false
ms bind ipv4 = true
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
# One OSD: pools must be size 1 and small, or they never become active+clean.
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
# The OSD's own crush/device-class update at boot races the fresh monitor: about one
# start in five it sent its command before it had the monmap (fsid 0), the monitor
# answered 'wrong fsid' (EPERM) and ceph-osd exited. We place osd.0 ourselves below.
osd crush update on start = false
osd class update on start = false
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
# memstore keeps every byte in RAM.
osd objectstore = memstore
memstore device bytes = $MEMSTORE_BYTES
# memstore's own count of used bytes drifts down with deletes (86 KB to 20 KB over one
# upload and delete of 2,000 objects) and, below zero, wraps: the OSD then reads itself as
# "-2147483648% full", engages its full failsafe and holds every write for good (seen in
# benchmarks after thousands of deletes). This test option makes the OSD count its use from
# its placement groups' object bytes instead (it logs "set_statfs fake total" each second).
fake statfs for testing = $MEMSTORE_BYTES
run dir = $D
log file = $D/log/\$name.log
admin socket = $D/\$name.asok
pid file = $D/\$name.pid
mon data = $D/mon
osd data = $D/osd
[client.rgw]
rgw frontends = $FRONTENDS
rgw dns name = localhost
rgw enable static website = true
# Overwritten and deleted objects keep their data until RGW's garbage collector runs
# (by default two hours later); memstore holds it in RAM, so benchmarks that rewrite
# gigabytes filled the OSD. Collect at once instead.
rgw gc obj min wait = 0
rgw gc processor period = 15
rgw gc processor max time = 15
CONF
# STS, opt-in (RGW_STS=1). Tried on RGW 16.2: AssumeRole works (role made with
# 'aws iam create-role' + put-role-policy by the main user, which gets caps roles=*),
# GetSessionToken answers 403 for local users. But with 'rgw s3 auth use sts = true'
# every auth failure becomes a bare AccessDenied: a wrong access key no longer answers
# InvalidAccessKeyId, a wrong secret no longer SignatureDoesNotMatch. Tests of those
# error messages need it off, hence off by default.
if [ "$RGW_STS" = 1 ]; then
  printf 'rgw s3 auth use sts = true\nrgw sts key = %s\n' "$STS_KEY" >>"$CONF"
fi
export CEPH_CONF="$CONF"
# The ceph CLI prints a harmless banner warning on every call with msgr2 off.
q() { "$@" 2>&1 | grep -v -e '_handle_peer_banner' >>"$SETUP_LOG" || true; }
# A monitor that answers 'ceph -s' can still refuse a command for a moment ("Error EPERM:
# problem getting command descriptions from mon", seen once in CI; the OSD then never came
# up): try again until it is taken.
ceph_until_ok() {
  local _
  for _ in 1 2 3 4 5 6 7 8; do
    timeout 20 ceph "$@" >>"$SETUP_LOG" 2>&1 && return 0
    sleep 1
  done
  fail "the Ceph monitor kept refusing: ceph $*"
}

say "booting monitor on 127.0.0.1:$MON_PORT (state $D)"
CUR_LOG="$D/log/mon.a.log"
monmaptool --create --addv a "[v1:127.0.0.1:$MON_PORT]" --fsid "$FSID" "$D/monmap" >>"$SETUP_LOG" 2>&1
ceph-mon --mkfs -i a --monmap "$D/monmap" >>"$SETUP_LOG" 2>&1
# Daemons get 3>&-: one holding the caller's stdout (fd 3) would keep a $(...) around
# this script waiting forever.
ceph-mon -i a >>"$SETUP_LOG" 2>&1 3>&- || fail "ceph-mon exited at start"
ok=""
# Generous limits: other test runs may load the 2 cores (seen: load 12, start 35 s).
end=$((SECONDS + 60))
while [ $SECONDS -lt $end ]; do timeout 5 ceph -s >/dev/null 2>&1 && { ok=1; break; }; sleep 0.5; done
[ -n "$ok" ] || fail "the Ceph monitor did not answer within 60 s"

say "booting memstore OSD ($MEMSTORE_BYTES bytes) [$(elapsed)]"
CUR_LOG="$D/log/osd.0.log"
ceph_until_ok osd create
ceph-osd -i 0 --mkfs >>"$SETUP_LOG" 2>&1
ok=""
for _ in 1 2 3; do   # belt and braces for the race above: the mkfs'd OSD can start again
  ceph-osd -i 0 >>"$SETUP_LOG" 2>&1 3>&- && { ok=1; break; }
  say "ceph-osd exited at start; retrying"; sleep 1
done
[ -n "$ok" ] || fail "ceph-osd would not start"
ceph_until_ok osd crush add osd.0 1 root=default host=localhost
ok=""
end=$((SECONDS + 120))
while [ $SECONDS -lt $end ]; do timeout 5 ceph osd stat 2>/dev/null | grep -q '1 up' && { ok=1; break; }; sleep 0.5; done
[ -n "$ok" ] || fail "the Ceph OSD did not come up within 120 s"

CUR_LOG="$D/log/client.rgw.log"
wait_rgw() {
  local end=$((SECONDS + 120))
  while [ $SECONDS -lt $end ]; do rgw_answers && rgw_tls_answers && return 0; sleep 0.5; done
  rgw_answers || fail "radosgw did not answer on http://127.0.0.1:$RGW_PORT within 120 s"
  fail "radosgw did not answer on https://127.0.0.1:$RGW_TLS_PORT (with the CA in $D/tls) within 120 s"
}
say "booting radosgw on 127.0.0.1:$RGW_PORT [$(elapsed)]"
radosgw -n client.rgw >>"$SETUP_LOG" 2>&1 3>&- || fail "radosgw exited at start"
wait_rgw   # the first start creates the default realm, zonegroup, zone and pools

# Storage classes beyond STANDARD are placement entries; without them RGW answers
# InvalidArgument to x-amz-storage-class. They exist only after the first start above,
# and radosgw reads them only when it starts again.
say "adding storage classes and users [$(elapsed)]"
for sc in STANDARD_IA ONEZONE_IA INTELLIGENT_TIERING GLACIER GLACIER_IR DEEP_ARCHIVE REDUCED_REDUNDANCY; do
  radosgw-admin zonegroup placement add --rgw-zonegroup default --placement-id default-placement --storage-class "$sc" >>"$SETUP_LOG" 2>&1
  radosgw-admin zone placement add --rgw-zone default --placement-id default-placement --storage-class "$sc" --data-pool default.rgw.buckets.data >>"$SETUP_LOG" 2>&1
done
radosgw-admin user create --uid=tester --display-name=Tester --access-key="$KEY" --secret="$SECRET" >>"$SETUP_LOG" 2>&1
# A second user, for cross-account and AccessDenied cases.
radosgw-admin user create --uid=other --display-name=Other --access-key="$KEY2" --secret="$SECRET2" >>"$SETUP_LOG" 2>&1
if [ "$RGW_STS" = 1 ]; then
  # Lets the main user manage IAM roles (CreateRole / PutRolePolicy) for AssumeRole tests.
  radosgw-admin caps add --uid=tester --caps="roles=*" >>"$SETUP_LOG" 2>&1
fi

say "restarting radosgw so it reads the storage classes [$(elapsed)]"
rgw_pid=$(cat "$D/client.rgw.pid")
# SIGTERM (as the recipe does), not SIGKILL: with SIGKILL here one start in ~20 failed
# after 84 s (logs lost; a killed gateway leaves its watches on the RADOS control
# objects until the OSD times them out: a guess). ~18 starts with SIGTERM: none.
kill "$rgw_pid"
for _ in $(seq 1 60); do kill -0 "$rgw_pid" 2>/dev/null || break; sleep 0.25; done
kill -9 "$rgw_pid" 2>/dev/null || true
for _ in $(seq 1 40); do port_busy "$RGW_PORT" || break; sleep 0.25; done
radosgw -n client.rgw >>"$SETUP_LOG" 2>&1 3>&- || fail "radosgw exited at start"
wait_rgw
trap - ERR
rm -f "$D/failed-log"

env_lines() {
  echo "S3_ENDPOINT=http://127.0.0.1:$RGW_PORT"
  echo "S3_ACCESS_KEY=$KEY"
  echo "S3_SECRET_KEY=$SECRET"
  echo "S3_ACCESS_KEY2=$KEY2"
  echo "S3_SECRET_KEY2=$SECRET2"
  echo "S3_REGION=$REGION"
  if [ "$RGW_TLS_PORT" != 0 ]; then
    echo "S3_TLS_ENDPOINT=https://127.0.0.1:$RGW_TLS_PORT"
    echo "S3_CA_FILE=$D/tls/ca.pem"
  fi
}
env_lines >"$D/env.tmp" && mv "$D/env.tmp" "$D/env"
say "up: http://127.0.0.1:$RGW_PORT$([ "$RGW_TLS_PORT" = 0 ] || echo " and https://127.0.0.1:$RGW_TLS_PORT") in $(elapsed) (logs $D/log)"
env_lines >&3
