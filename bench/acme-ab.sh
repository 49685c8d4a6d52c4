#!/usr/bin/env bash
# ACME only, A/B: two Cachet jars (JAR_A, the baseline, e.g. built from main; JAR_B, default target/cachet.jar)
# and Pebble, all running at once, measured in interleaved rounds (A B P per round) so that a noisy machine
# hits all three alike (docs/performance.md). Prints one line per run: server, concurrency, server CPU per order
# (from /proc/PID/stat), and `cachet bench acme`'s summary. Knobs: ORDERS (100), WARMUP_ORDERS (the Cachet
# servers' warm-up at concurrency 8, not counted; default ORDERS), CONCURRENCY ("1 8 16"),
# ROUNDS (2), WORK (a temp dir), OPTS_A / OPTS_B (JVM options, e.g. -XX:StartFlightRecording=...),
# NO_PEBBLE=1. Needs pebble (bench/pebble-up.sh). Not part of the test suite.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd -P)
work=${WORK:-$(mktemp -d /tmp/cachet-acme-ab.XXXXXX)}
orders=${ORDERS:-100}; concurrencies=${CONCURRENCY:-"1 8 16"}; rounds=${ROUNDS:-2}
jarA=${JAR_A:?set JAR_A to the baseline jar}; jarB=${JAR_B:-$here/target/cachet.jar}
acme_port=14700; h01=5702; dns=8753
pids=(); cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }; trap cleanup EXIT
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14+$15)*1000/hz}' "/proc/$1/stat"; }
pebble_dir=$(bash "$here/bench/pebble-up.sh" "$work/pebble" "$acme_port" "$h01" "$dns" | tail -1)
mapfile -t pp <"$work/pebble/pids"; pids+=("${pp[@]}"); pebble_pid=${pp[1]}
start() { # NAME JAR PORT OPTS
  mkdir -p "$work/$1"
  cat >"$work/$1/c.yaml" <<YAML
data: $work/$1/data
listen: 127.0.0.1:$3
httpListen: 127.0.0.1:$(( $3 + 100 ))
validation: {resolvers: ["127.0.0.1:$dns"], http01Port: $h01, allowPrivateTargets: true}
acme:
  rateLimits: {newOrdersPerAccountPerHour: 0, certificatesPerDomainPerWeek: 0,
               failedValidationsPerAccountPerHostPerHour: 0, newAccountsPerIpPerHour: 0}
YAML
  java $4 -jar "$2" serve --config "$work/$1/c.yaml" >"$work/$1/log" 2>&1 &
  local pid=$!; pids+=("$pid"); echo "$pid" > "$work/$1/pid"
  for _ in $(seq 1 240); do grep -q '^ready' "$work/$1/log" && return 0; sleep 0.5; done; cat "$work/$1/log"; exit 1
}
# OPTS_A / OPTS_B default to the JVM options bin/cachet gives serve (bin/serve-jvm-options); empty for none.
start A "$jarA" 18743 "${OPTS_A-@$here/bin/serve-jvm-options}"; start B "$jarB" 18744 "${OPTS_B-@$here/bin/serve-jvm-options}"
pidA=$(cat $work/A/pid); pidB=$(cat $work/B/pid)
run() { # NAME PID DIR TRUST C
  local b a out; b=$(cpu_ms "$2")
  out=$(java -jar "$jarB" bench acme --directory "$3" --trust "$4" --orders "$orders" --concurrency "$5" --http01-port "$h01" --duration 300 2>&1 || true)
  a=$(cpu_ms "$2" 2>/dev/null || echo "$b")
  echo "$1 c=$5 cpu_ms_per_order=$(awk -v c=$((a-b)) -v n=$orders 'BEGIN{printf "%.1f", c/n}') $(tail -1 <<<"$out")"
}
A=("$pidA" "https://127.0.0.1:18743/acme/directory" "$work/A/data/ca/root.pem")
B=("$pidB" "https://127.0.0.1:18744/acme/directory" "$work/B/data/ca/root.pem")
P=("$pebble_pid" "$pebble_dir" "$work/pebble/pebble-ca.pem")
echo "# warm-up"; orders=${WARMUP_ORDERS:-$orders} run A "${A[@]}" 8 >/dev/null; orders=${WARMUP_ORDERS:-$orders} run B "${B[@]}" 8 >/dev/null; run P "${P[@]}" 8 >/dev/null
for c in $concurrencies; do for _ in $(seq 1 "$rounds"); do
  run A "${A[@]}" "$c"; run B "${B[@]}" "$c"; [ "${NO_PEBBLE:-0}" = 1 ] || run P "${P[@]}" "$c"
done; done
echo "work=$work"
