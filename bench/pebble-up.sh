#!/usr/bin/env bash
# Copied from the peers kit (shared/peers/pebble-up.sh) so that bench/compare.sh runs from the repository alone.
# Start Pebble (Let's Encrypt's test ACME server, Debian package `pebble`) on loopback, with
# pebble-challtestsrv as its DNS server (every name resolves to 127.0.0.1).
# Usage: pebble-up.sh WORKDIR [ACME_PORT] [HTTP01_PORT] [DNS_PORT]
# Leaves: WORKDIR/pebble-ca.pem (trust this for HTTPS to Pebble), WORKDIR/pids (kill these to stop),
#         the directory URL on stdout's last line.
set -eu
dir=$1; acme=${2:-14000}; h01=${3:-5002}; dns=${4:-8053}
mkdir -p "$dir"
command -v pebble >/dev/null || apt-get install -y -qq pebble >/dev/null
# Pebble's package ships no TLS certificate for its own HTTPS listener: make one.
openssl req -x509 -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -days 30 -subj /CN=peer-test-ca \
  -keyout "$dir/pebble-ca.key" -out "$dir/pebble-ca.pem" 2>/dev/null
openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -subj /CN=localhost \
  -keyout "$dir/pebble.key" -out "$dir/pebble.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$dir/san.ext"
openssl x509 -req -in "$dir/pebble.csr" -CA "$dir/pebble-ca.pem" -CAkey "$dir/pebble-ca.key" -CAcreateserial \
  -days 30 -extfile "$dir/san.ext" -out "$dir/pebble.pem" 2>/dev/null
cat >"$dir/pebble.json" <<JSON
{"pebble": {"listenAddress": "127.0.0.1:$acme", "managementListenAddress": "127.0.0.1:$((acme+1000))",
 "certificate": "$dir/pebble.pem", "privateKey": "$dir/pebble.key",
 "httpPort": $h01, "tlsPort": $((h01+1)), "ocspResponderURL": "", "externalAccountBindingRequired": false}}
JSON
pebble-challtestsrv -defaultIPv4 127.0.0.1 -defaultIPv6 "" -dns01 "127.0.0.1:$dns" -http01 "" -https01 "" \
  -tlsalpn01 "" -management "127.0.0.1:$((dns+2))" >"$dir/challtestsrv.log" 2>&1 &
echo $! >"$dir/pids"
PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 pebble -config "$dir/pebble.json" -dnsserver "127.0.0.1:$dns" >"$dir/pebble.log" 2>&1 &
echo $! >>"$dir/pids"
for _ in $(seq 1 50); do curl -sf --cacert "$dir/pebble-ca.pem" "https://127.0.0.1:$acme/dir" >/dev/null && break; sleep 0.2; done
curl -sf --cacert "$dir/pebble-ca.pem" "https://127.0.0.1:$acme/dir" >/dev/null || { echo "pebble did not start" >&2; exit 1; }
echo "https://127.0.0.1:$acme/dir"
