#!/usr/bin/env bash
# Wall time of real ACME clients per order, Cachet against Pebble in one run (docs/performance.md,
# "Real clients' wall time"): certbot (standalone http-01) and lego (--http), both from Debian.
# For each client: the account is registered and one order made per server before timing (not counted,
# it also warms Cachet's JIT); then ROUNDS rounds of Cachet then Pebble (A B A B), N timed orders each,
# one client invocation per order for a fresh random name under .test. Each invocation must succeed and
# write its certificate, or the script fails. A no-op invocation (--version) of each client is timed too,
# to show the client's own start-up cost.
# Not part of the test suite. Needs root for apt-get when certbot, lego or pebble are missing.
# Knobs (environment): ROUNDS (3), N (3), NOOP (3 no-op runs per client), WORK (a temp dir), CACHET_JAR.
# Last lines, one per client (mean seconds per order; ratio = Cachet/Pebble, target <= 0.33):
#   wall certbot cachet=X.XXs pebble=Y.YYs ratio=Z.ZZ
#   wall lego cachet=X.XXs pebble=Y.YYs ratio=Z.ZZ
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd -P)
work=${WORK:-$(mktemp -d /tmp/cachet-client-wall.XXXXXX)}
rounds=${ROUNDS:-3}; n=${N:-3}; noops=${NOOP:-3}
acme_port=14900; h01=5902; dns=8953; https=19443; http=19444
jar=${CACHET_JAR:-$here/target/cachet.jar}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
log() { echo "# $*" >&2; }
die() { echo "client-wall: $*" >&2; exit 1; }

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need certbot certbot; need lego lego; need pebble pebble
[ -f "$jar" ] || (cd "$here" && mvn -q -B -Dstyle.color=never -DskipTests package)
log "work: $work; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- Pebble and its mock DNS (every name is 127.0.0.1), PEBBLE_VA_NOSLEEP=1 (its fastest setting).
pebble_dir=$(bash "$here/bench/pebble-up.sh" "$work/pebble" "$acme_port" "$h01" "$dns" | tail -1)
mapfile -t peer_pids <"$work/pebble/pids"; pids+=("${peer_pids[@]}")

# --- Cachet: validation through the same DNS on the clients' http-01 port, rate limits off (as compare.sh).
cat >"$work/cachet.yaml" <<YAML
data: $work/cachet-data
listen: 127.0.0.1:$https
httpListen: 127.0.0.1:$http
validation: {resolvers: ["127.0.0.1:$dns"], http01Port: $h01, allowPrivateTargets: true}
acme:
  rateLimits: {newOrdersPerAccountPerHour: 0, certificatesPerDomainPerWeek: 0,
               failedValidationsPerAccountPerHostPerHour: 0, newAccountsPerIpPerHour: 0}
YAML
# The JVM options bin/cachet gives serve (bin/serve-jvm-options); CACHET_JAVA_OPTS replaces them.
java ${CACHET_JAVA_OPTS-@$here/bin/serve-jvm-options} -jar "$jar" serve --config "$work/cachet.yaml" >"$work/cachet.log" 2>&1 &
cachet_pid=$!; pids+=("$cachet_pid")
for _ in $(seq 1 240); do
  grep -q '^ready' "$work/cachet.log" && break
  kill -0 "$cachet_pid" 2>/dev/null || break; sleep 0.5
done
grep -q '^ready' "$work/cachet.log" || { cat "$work/cachet.log" >&2; die "cachet did not start"; }

declare -A directory trust
directory[cachet]="https://127.0.0.1:$https/acme/directory"; trust[cachet]="$work/cachet-data/ca/root.pem"
directory[pebble]=$pebble_dir; trust[pebble]="$work/pebble/pebble-ca.pem"

# --- One client invocation = one order. Each client and server has its own state directory.
certbot_run() {  # SERVER ARGS...: certbot with this server's private dirs and trust
  local s=$1 d=$work/certbot-$1; shift
  REQUESTS_CA_BUNDLE=${trust[$s]} timeout 120 certbot "$@" --non-interactive --server "${directory[$s]}" \
    --config-dir "$d/config" --work-dir "$d/work" --logs-dir "$d/logs" >>"$d.out" 2>&1
}
certbot_register() { certbot_run "$1" register --agree-tos --register-unsafely-without-email; }
certbot_order() {  # SERVER NAME
  certbot_run "$1" certonly --standalone --agree-tos --register-unsafely-without-email \
    --preferred-challenges http --http-01-address 127.0.0.1 --http-01-port "$h01" -d "$2" &&
    [ -s "$work/certbot-$1/config/live/$2/cert.pem" ]
}
lego_order() {  # SERVER NAME: registers the account on first use (lego has no register-only command)
  LEGO_CA_CERTIFICATES=${trust[$1]} timeout 120 lego --path "$work/lego-$1" --server "${directory[$1]}" \
    --accept-tos --email wall@example.org -d "$2" --http --http.port "127.0.0.1:$h01" run >>"$work/lego-$1.out" 2>&1 &&
    [ -s "$work/lego-$1/certificates/$2.crt" ]
}
fresh_name() { echo "wall-$(openssl rand -hex 6).test"; }
now_ns() { date +%s%N; }

declare -A times  # "client server" -> space-separated seconds
timed_order() {  # CLIENT SERVER
  local name t0 t1 secs; name=$(fresh_name)
  t0=$(now_ns)
  "${1}_order" "$2" "$name" || die "$1 order for $name against $2 failed (see $work/$1-$2.out and its logs)"
  t1=$(now_ns)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b-a)/1e9}')
  times["$1 $2"]+="$secs "
  log "$1 $2 $name ${secs}s"
}
stats() {  # SECONDS... -> "mean median"
  printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1; s+=$1} END {
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%.3f %.3f\n", s/NR, m }'
}

# --- Start-up cost of each client alone.
declare -A noop
for client in certbot lego; do
  ts=()
  for _ in $(seq 1 "$noops"); do
    t0=$(now_ns); timeout 120 "$client" --version >/dev/null 2>&1 || die "$client --version failed"; t1=$(now_ns)
    ts+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b-a)/1e9}')")
  done
  noop[$client]=$(stats "${ts[@]}")
done

# --- Accounts and a warm-up order per client and server (not counted), then the timed rounds.
for server in cachet pebble; do
  certbot_register "$server" || die "certbot register against $server failed (see $work/certbot-$server.out)"
  certbot_order "$server" "$(fresh_name)" || die "certbot warm-up order against $server failed"
  lego_order "$server" "$(fresh_name)" || die "lego warm-up order against $server failed (see $work/lego-$server.out)"
done
for client in certbot lego; do
  for _ in $(seq 1 "$rounds"); do
    for server in cachet pebble; do
      for _ in $(seq 1 "$n"); do timed_order "$client" "$server"; done
    done
  done
done

# --- Report: per client and server, mean and median seconds per order; then one line per client.
log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for client in certbot lego; do
  read -r nm nmed <<<"${noop[$client]}"
  echo "noop $client --version mean=${nm}s median=${nmed}s"
  for server in cachet pebble; do
    # shellcheck disable=SC2086 # the list is space-separated on purpose
    read -r mean median < <(stats ${times["$client $server"]})
    echo "order $client $server orders=$((rounds * n)) mean=${mean}s median=${median}s"
  done
done
for client in certbot lego; do
  # shellcheck disable=SC2086
  c=$(stats ${times["$client cachet"]} | cut -d' ' -f1); p=$(stats ${times["$client pebble"]} | cut -d' ' -f1)
  awk -v c="$c" -v p="$p" -v k="$client" 'BEGIN {printf "wall %s cachet=%.2fs pebble=%.2fs ratio=%.2f\n", k, c, p, c/p}'
done
