#!/usr/bin/env bash
# Measures Cachet against real peers on this machine, in one run (docs/performance.md):
#   1. REST issuance: `cachet serve` POST /api/v1/certificates vs CFSSL's `cfssl serve` /api/v1/cfssl/sign,
#      the same CSR, wrk -t2 -c16 (bounded);
#   2. OCSP: GET of a known serial from Cachet's /ocsp/ under wrk, counting only successful OCSP answers;
#   3. ACME end to end: `cachet bench acme` against Cachet (H2, durable) and Pebble (in memory), A B A B,
#      at each concurrency of CONCURRENCY.
# Each server's CPU is read from /proc/PID/stat (utime+stime) before and after each run; the load generator's
# CPU is printed beside it for each concurrency (client_cpu_ms_per_order).
# Not part of the test suite. Needs root for apt-get when pebble, wrk or golang-cfssl are missing.
# Knobs (environment): ACME (1; 0 stops after REST and OCSP), ORDERS (300), CONCURRENCY ("1 8 16"), ROUNDS (2),
#   RUN_SECONDS (120, the bound of one ACME run), WRK_SECONDS (8), WARMUP_SECONDS (20, REST), OCSP_WARMUP_SECONDS
#   (10), WARMUP_ORDERS (1500, Cachet's ACME warm-up), WORK (a temp dir), CACHET_JAVA_OPTS,
#   RATE_LIMITS (auto: write acme.rateLimits.* = 0 into Cachet's config, and drop them if this Cachet does not
#   know the keys yet; 1: always; 0: never). Edit write_config below for other settings.
# The last line: acme cachet=X/s pebble=Y/s ratio=Z cpu_ms_per_order cachet=A pebble=B cpu_ratio=C
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd -P)
work=${WORK:-$(mktemp -d /tmp/cachet-compare.XXXXXX)}
orders=${ORDERS:-300}; concurrencies=${CONCURRENCY:-"1 8 16"}; rounds=${ROUNDS:-2}; wrk_s=${WRK_SECONDS:-8}
acme_port=14300; h01=5302; dns=8353; https=18543; http=18180; cfssl_port=18888
jar=${CACHET_JAR:-$here/target/cachet.jar}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need pebble pebble; need wrk wrk; need cfssl golang-cfssl
[ -f "$jar" ] || (cd "$here" && mvn -q -B -Dstyle.color=never -DskipTests package)
cachet() { java -jar "$jar" "$@"; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14+$15)*1000/hz}' "/proc/$1/stat"; }
log() { echo "# $*" >&2; }

# --- Pebble and its mock DNS (every name is 127.0.0.1); Cachet uses the same DNS.
start_pebble() {
  pebble_dir=$(bash "$here/bench/pebble-up.sh" "$work/pebble" "$acme_port" "$h01" "$dns" | tail -1)
  mapfile -t peer_pids <"$work/pebble/pids"; pids+=("${peer_pids[@]}")
  pebble_pid=${peer_pids[1]}
}
start_pebble

# --- Cachet: H2 (durable), validation through the mock DNS on the bench's http-01 port.
write_config() {  # LIMITS(0|1)
  cat >"$work/cachet.yaml" <<YAML
data: $work/cachet-data
listen: 127.0.0.1:$https
httpListen: 127.0.0.1:$http
validation: {resolvers: ["127.0.0.1:$dns"], http01Port: $h01, allowPrivateTargets: true}
YAML
  if [ "$1" = 1 ]; then
    # Rate limits would stop a load run: 0 disables each (keys of acme.rateLimits).
    cat >>"$work/cachet.yaml" <<YAML
acme:
  rateLimits: {newOrdersPerAccountPerHour: 0, certificatesPerDomainPerWeek: 0,
               failedValidationsPerAccountPerHostPerHour: 0, newAccountsPerIpPerHour: 0}
YAML
  fi
}
start_cachet() {
  # The JVM options bin/cachet gives serve (bin/serve-jvm-options); CACHET_JAVA_OPTS replaces them.
  java ${CACHET_JAVA_OPTS-@$here/bin/serve-jvm-options} -jar "$jar" serve --config "$work/cachet.yaml" >"$work/cachet.log" 2>&1 &
  cachet_pid=$!
  for _ in $(seq 1 120); do grep -q '^ready' "$work/cachet.log" && return 0; kill -0 "$cachet_pid" 2>/dev/null || return 1; sleep 0.5; done
  return 1
}
limits=${RATE_LIMITS:-auto}
write_config "$([ "$limits" = 0 ] && echo 0 || echo 1)"
if ! start_cachet && [ "$limits" = auto ] && grep -q "unknown key 'acme.rateLimits'" "$work/cachet.log"; then
  log "this Cachet has no acme.rateLimits: running without them"
  write_config 0; start_cachet || true
fi
pids+=("$cachet_pid")
grep -q '^ready' "$work/cachet.log" || { cat "$work/cachet.log" >&2; echo "cachet did not start" >&2; exit 1; }
root="$work/cachet-data/ca/root.pem"

# --- REST issuance vs CFSSL: one EC P-256 CSR, the same for both.
openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -subj /CN=www.example.org \
  -addext subjectAltName=DNS:www.example.org -keyout "$work/leaf.key" -out "$work/leaf.csr" 2>/dev/null
openssl req -x509 -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -days 30 -subj /CN=cfssl-bench-ca \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
  -keyout "$work/cfssl-ca.key" -out "$work/cfssl-ca.pem" 2>/dev/null
cfssl serve -address 127.0.0.1 -port "$cfssl_port" -ca "$work/cfssl-ca.pem" -ca-key "$work/cfssl-ca.key" \
  >"$work/cfssl.log" 2>&1 &
cfssl_pid=$!; pids+=("$cfssl_pid")
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$cfssl_port/api/v1/cfssl/info" -d '{}' && break; sleep 0.2; done
token=$(cachet token create --data "$work/cachet-data" --name bench --scopes issue,read --domains example.org | tail -1)
csr_json=$(jq -Rs . <"$work/leaf.csr")
post_script() {  # FILE FIELD: a wrk script POSTing the CSR in a JSON field
  cat >"$1" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.body = [==[{"$2": $csr_json}]==]
LUA
}
post_script "$work/cachet.lua" csr; post_script "$work/cfssl.lua" certificate_request
# Run wrk against a server: prints "rate cpu_ms_per_request non2xx".
wrk_run() {  # PID URL SCRIPT
  local before after out rate n bad
  before=$(cpu_ms "$1")
  out=$(wrk -t2 -c16 -d"${wrk_s}s" -s "$3" "$2" 2>&1)
  after=$(cpu_ms "$1")
  rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); n=$(awk '/requests in/ {print $1}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $5}' <<<"$out"); bad=${bad:-0}
  awk -v r="$rate" -v c=$((after - before)) -v n="$n" -v b="$bad" 'BEGIN {printf "%.0f %.3f %d\n", r, c/n, b}'
}
# The JVM compiles its hot code in the first seconds: warm Cachet up first (not counted), as every run below.
wrk -t2 -c16 -d"${WARMUP_SECONDS:-20}s" -s "$work/cachet.lua" "https://127.0.0.1:$https/api/v1/certificates" >/dev/null 2>&1
read -r c_rate c_cpu c_bad < <(wrk_run "$cachet_pid" "https://127.0.0.1:$https/api/v1/certificates" "$work/cachet.lua")
read -r f_rate f_cpu f_bad < <(wrk_run "$cfssl_pid" "http://127.0.0.1:$cfssl_port/api/v1/cfssl/sign" "$work/cfssl.lua")
echo "rest cachet=${c_rate}/s cfssl=${f_rate}/s ratio=$(awk -v a="$c_rate" -v b="$f_rate" 'BEGIN{printf "%.2f", a/b}') cpu_ms_per_cert cachet=$c_cpu cfssl=$f_cpu errors cachet=$c_bad cfssl=$f_bad"

# --- OCSP GET of a known serial (the certificate just issued over REST). Only correct answers count: the
# request is checked once with openssl (successful, good), and under load a wrk script counts the HTTP 200
# answers that are successful OCSPResponses (responseStatus 0) apart from all others.
curl -s --cacert "$root" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data "{\"csr\": $csr_json}" "https://127.0.0.1:$https/api/v1/certificates" | jq -r .certificate >"$work/leaf.pem"
openssl ocsp -issuer "$work/cachet-data/ca/intermediate.pem" -cert "$work/leaf.pem" -no_nonce -reqout "$work/ocsp.der" >/dev/null 2>&1
ocsp_path=$(base64 -w0 "$work/ocsp.der" | sed 's/+/%2B/g; s/\//%2F/g; s/=/%3D/g')
curl -s -o "$work/ocsp.resp" "http://127.0.0.1:$http/ocsp/$ocsp_path"
openssl ocsp -respin "$work/ocsp.resp" -issuer "$work/cachet-data/ca/intermediate.pem" -CAfile "$root" \
  -cert "$work/leaf.pem" 2>&1 | grep -q ': good' || { echo "the OCSP GET does not answer good" >&2; exit 1; }
cat >"$work/ocsp.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; bad = 0 end
function response(status, headers, body)
  -- OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED (0a 01 00 = successful), ... }
  if status == 200 and string.find(string.sub(body, 1, 8), "\10\1\0", 1, true) then ok = ok + 1 else bad = bad + 1 end
end
function done(summary, latency, requests)
  local o, b = 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); b = b + t:get("bad") end
  io.write(string.format("ocsp_ok %d ocsp_bad %d seconds %.3f\n", o, b, summary.duration / 1e6))
end
LUA
# The JIT needs several seconds of this path before it is compiled: a 2 s warm-up measured the interpreter.
wrk -t2 -c32 -d"${OCSP_WARMUP_SECONDS:-10}s" -s "$work/ocsp.lua" "http://127.0.0.1:$http/ocsp/$ocsp_path" >/dev/null 2>&1
before=$(cpu_ms "$cachet_pid")
out=$(wrk -t2 -c32 -d"${wrk_s}s" -s "$work/ocsp.lua" "http://127.0.0.1:$http/ocsp/$ocsp_path" 2>&1)
after=$(cpu_ms "$cachet_pid")
awk -v c=$((after - before)) '/^ocsp_ok/ {printf "ocsp cachet=%.0f/s correct, wrong=%d cpu_ms_per_response=%.3f\n",
  $2/$6, $4, c/($2+$4)}' <<<"$out"

[ "${ACME:-1}" = 0 ] && exit 0
# --- ACME end to end, A B A B per concurrency.
# The load generator shares the machine's cores with the server: its CPU (bash's `times` for the subshell's
# child) is printed beside the server's, since orders/s at concurrency 8 and 16 are bound by both together.
acme_run() {  # PID DIRECTORY TRUST C [ORDERS] -> "orders seconds cpu_ms errors client_cpu_ms"
  local before after out client
  before=$(cpu_ms "$1")
  out=$(cachet bench acme --directory "$2" --trust "$3" --orders "${5:-$orders}" --concurrency "$4" \
        --http01-port "$h01" --duration "${RUN_SECONDS:-120}" 2>&1 || true; times)
  after=$(cpu_ms "$1")
  client=$(tail -1 <<<"$out" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", (u[1]*60 + u[2] + s[1]*60 + s[2]) * 1000 }')
  out=$(grep '^acme ' <<<"$out" || true)
  log "$out"
  sed -n 's/^acme orders=\([0-9]*\) errors=\([0-9]*\) elapsed=\([0-9.]*\)s.*/\1 \3 \2/p' <<<"$out" |
    awk -v c=$((after - before)) -v k="$client" '{print $1, $2, c, $3, k}'
}
declare -A orders_sum secs_sum cpu_sum err_sum client_sum
# A server runs for weeks: the JIT's one-time work (C2 still compiles after 2,000 orders, a third of the
# CPU; docs/performance.md) is not a cost per order, so Cachet warms up longer than Pebble, which is compiled.
log "warm-up (not counted)"
acme_run "$cachet_pid" "https://127.0.0.1:$https/acme/directory" "$root" 8 "${WARMUP_ORDERS:-1500}" >/dev/null
acme_run "$pebble_pid" "$pebble_dir" "$work/pebble/pebble-ca.pem" 8 >/dev/null
for c in $concurrencies; do
  for _ in $(seq 1 "$rounds"); do
    for server in cachet pebble; do
      if [ $server = cachet ]; then args=("$cachet_pid" "https://127.0.0.1:$https/acme/directory" "$root")
      else args=("$pebble_pid" "$pebble_dir" "$work/pebble/pebble-ca.pem"); fi
      read -r n s cpu e kc < <(acme_run "${args[@]}" "$c")
      # Debian's Pebble 2.4.0 now and then stops answering under load (every request hangs, its CPU idle):
      # restart it (and its DNS) and run again, at most twice.
      for retry in 1 2; do
        [ $server = pebble ] && [ "$e" -gt 0 ] || break
        log "pebble answered with $e errors: restarting it, run again ($retry)"
        kill "${peer_pids[@]}" 2>/dev/null || true; sleep 1; start_pebble
        args=("$pebble_pid" "$pebble_dir" "$work/pebble/pebble-ca.pem")
        read -r n s cpu e kc < <(acme_run "${args[@]}" "$c")
      done
      for k in "$server" "$server@$c"; do
        orders_sum[$k]=$(( ${orders_sum[$k]:-0} + n )); err_sum[$k]=$(( ${err_sum[$k]:-0} + e ))
        cpu_sum[$k]=$(( ${cpu_sum[$k]:-0} + cpu )); client_sum[$k]=$(( ${client_sum[$k]:-0} + kc )); secs_sum[$k]=$(awk -v a="${secs_sum[$k]:-0}" -v b="$s" 'BEGIN{print a+b}')
      done
    done
  done
done
line() {  # KEY_CACHET KEY_PEBBLE PREFIX [SUFFIX]
  awk -v on="${orders_sum[$1]}" -v os="${secs_sum[$1]}" -v oc="${cpu_sum[$1]}" \
      -v pn="${orders_sum[$2]}" -v ps="${secs_sum[$2]}" -v pc="${cpu_sum[$2]}" -v p="$3" -v s="${4:-}" 'BEGIN {
    cr = on/os; pr = pn/ps; cc = oc/on; pcc = pc/pn
    printf "%scachet=%.1f/s pebble=%.1f/s ratio=%.2f cpu_ms_per_order cachet=%.1f pebble=%.1f cpu_ratio=%.2f%s\n",
      p, cr, pr, cr/pr, cc, pcc, pcc/cc, s }'
}
for c in $concurrencies; do
  client=$(awk -v a="${client_sum[cachet@$c]}" -v an="${orders_sum[cachet@$c]}" -v b="${client_sum[pebble@$c]}" \
    -v bn="${orders_sum[pebble@$c]}" 'BEGIN {printf " client_cpu_ms_per_order cachet=%.1f pebble=%.1f", a/an, b/bn}')
  line "cachet@$c" "pebble@$c" "acme c=$c errors cachet=${err_sum[cachet@$c]} pebble=${err_sum[pebble@$c]} " "$client"
done
line cachet pebble "acme "
