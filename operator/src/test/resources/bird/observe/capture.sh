#!/usr/bin/env bash
# Re-captures the fixtures in this directory from the real BIRD (2.0.12 on Debian 12) and StayRTR:
# one protocol rpki to a StayRTR that is up, one to a closed port, one to a host name that does not resolve;
# then the same after StayRTR went away; and the answer before any protocol rpki exists.
# Run as any user from this directory: ./capture.sh  (uses a temporary directory and loopback only).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/ztix-capture-XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
port=$((30000 + RANDOM % 20000))
now=$(date +%s)
cat > vrps.json <<JSON
{"metadata":{"generated":$now,"valid":$((now + 86400))},"roas":[
 {"prefix":"45.128.10.0/24","maxLength":24,"asn":"AS64501"},
 {"prefix":"45.128.20.0/24","maxLength":24,"asn":"AS64999"},
 {"prefix":"2a0c:9a40::/32","maxLength":48,"asn":"AS64501"}]}
JSON
stayrtr -cache vrps.json -checktime=false -refresh 1 -bind 127.0.0.1:$port -metrics.addr 127.0.0.1:$((port + 1)) \
  -protocol 1 > stayrtr.log 2>&1 &
stayrtr_pid=$!; pids+=("$stayrtr_pid")
until ss -Hltn "sport = :$port" | grep -q .; do sleep 0.2; done
cat > empty.conf <<CONF
router id 198.51.100.1;
protocol device {}
CONF
cat > bird.conf <<CONF
router id 198.51.100.1;
protocol device {}
roa4 table ztix_roa4;
roa6 table ztix_roa6;
protocol rpki ztix_rpki_1 {
  roa4 { table ztix_roa4; }; roa6 { table ztix_roa6; };
  remote "rtr.does-not-exist.invalid" port 323; retry keep 30; refresh keep 900; expire keep 7200;
}
protocol rpki ztix_rpki_2 {
  roa4 { table ztix_roa4; }; roa6 { table ztix_roa6; };
  remote 127.0.0.1 port 1; retry keep 30; refresh keep 900; expire keep 7200;
}
protocol rpki ztix_rpki_3 {
  roa4 { table ztix_roa4; }; roa6 { table ztix_roa6; };
  remote 127.0.0.1 port $port; retry keep 30; refresh keep 900; expire keep 7200;
}
CONF
bird -f -c empty.conf -s bird.ctl -P bird.pid > bird.out 2>&1 &
pids+=("$!")
until birdc -s bird.ctl show status > /dev/null 2>&1; do sleep 0.2; done
birdc -s bird.ctl show protocols all '"ztix_rpki*"' > "$here/no-rpki-protocols.txt" || true
cp bird.conf empty.conf; birdc -s bird.ctl configure > /dev/null
until birdc -s bird.ctl show protocols ztix_rpki_3 | grep -q Established; do sleep 0.2; done
sleep 2
birdc -s bird.ctl show protocols all '"ztix_rpki*"' > "$here/rpki-up-refused-unresolvable.txt"
kill "$stayrtr_pid"
until birdc -s bird.ctl show protocols ztix_rpki_3 | grep -q Transport-Error; do sleep 0.2; done
birdc -s bird.ctl show protocols all '"ztix_rpki*"' > "$here/rpki-lost-after-sync.txt"
bird --version > "$here/bird-version.txt" 2>&1
echo "captured into $here"
