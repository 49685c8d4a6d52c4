#!/usr/bin/env bash
# Cold start: `bin/cachet serve` on an existing data folder, from the launch to the first answered
# request (GET /healthz over HTTPS, 200), RUNS times (default 5); prints each run's wall time and the
# server's CPU time (utime+stime) at that moment, then the medians (docs/performance.md). The first,
# untimed start creates the data folder (CA, database) and, on its clean exit, bin/cachet's class data
# sharing archive. Knobs: RUNS, PORT (18543; PORT+1 is the plain HTTP port), WORK (a temp dir).
# Not part of the test suite.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${RUNS:-5}; port=${PORT:-18543}
work=${WORK:-$(mktemp -d /tmp/cachet-cold.XXXXXX)}
hz=$(getconf CLK_TCK)
[ -f "$here/target/cachet.jar" ] || (cd "$here" && mvn -q -B -DskipTests package)
cat >"$work/cachet.yaml" <<YAML
data: $work/data
listen: 127.0.0.1:$port
httpListen: 127.0.0.1:$((port + 1))
YAML
pid=; trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true' EXIT
ms() { date +%s%3N; }
# start: launches serve, waits for the first 200 (bounded: 60 s), leaves wall and cpu in ms
start() {
  local t0 code=; t0=$(ms)
  "$here/bin/cachet" serve --config "$work/cachet.yaml" >"$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$work/data/ca/root.pem" \
      "https://127.0.0.1:$port/healthz" 2>/dev/null || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.02
  done
  [ "$code" = 200 ] || { echo "no answer within 60 s" >&2; exit 1; }
  wall=$(( $(ms) - t0 ))
  cpu=$(awk -v hz="$hz" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$pid/stat")
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
# The first start creates the CA; its root.pem must exist before polling, so wait for `ready`.
"$here/bin/cachet" serve --config "$work/cachet.yaml" >"$work/first.log" 2>&1 & pid=$!
for _ in $(seq 1 600); do grep -q '^ready' "$work/first.log" && break; sleep 0.1; done
grep -q '^ready' "$work/first.log" || { cat "$work/first.log" >&2; exit 1; }
stop
walls=(); cpus=()
for i in $(seq 1 "$runs"); do
  start; stop
  echo "run $i wall_ms=$wall cpu_ms=$cpu"
  walls+=("$wall"); cpus+=("$cpu")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR + 1) / 2)]}'; }
echo "cold-start serve wall_ms median=$(median "${walls[@]}") cpu_ms median=$(median "${cpus[@]}") runs=$runs"
