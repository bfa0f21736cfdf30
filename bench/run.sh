#!/usr/bin/env bash
# Runs Shopstream's load benchmarks against a running platform (see bench/README.md for how to prepare it: rate limit
# raised, the 10,000-product demo catalog), one simulation after the other, and prints a summary per request.
#
#   bench/run.sh [-Dname=value ...]
#
# Every -D setting reaches every simulation (catalog.url, rate, duration, ceilingRate, users, closedDuration, warmUp,
# token.url, reservationRate, reservationDuration, skus, ...; or BENCH_* environment variables, see README.md).
# SIMULATIONS="browse reservations" runs only the named ones: browse, ceiling, reservations (the default: these
# three); payments (PaymentSimulation), signed-in (SignedInReadSimulation), sign-in (SignInSimulation), checkout
# (CheckoutSimulation) and flash-sale (FlashSaleSimulation) run only when named, e.g. SIMULATIONS=payments bench/run.sh; or simulation class names. The console output and the summary go to bench/target/bench-<timestamp>.log; Gatling's HTML reports to
# bench/target/gatling/. Exits 1 when a goal is missed or a simulation fails.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
simulations="${SIMULATIONS:-browse ceiling reservations}"
detail_share_goal=50 # product detail throughput as a percentage of the ping ceiling, closed model
signed_in_cost_goal=20 # how much more a signed-in product read may cost than an anonymous one, percent

mkdir -p "$bench/target"
stamp="$(date +%Y%m%d-%H%M%S)"
log="$bench/target/bench-$stamp.log"
# Every simulation's CostMeter appends its CPU-per-operation figures here (one row per operation and process).
export BENCH_COST_FILE="$bench/target/cost-$stamp.csv"
console="$(mktemp)"
trap 'rm -f "$console"' EXIT
status=0
summary=""

simulation_class() {
  case "$1" in
    browse) echo BrowseSimulation ;;
    ceiling) echo CeilingSimulation ;;
    reservations) echo ReservationSimulation ;;
    payments) echo PaymentSimulation ;;
    signed-in) echo SignedInReadSimulation ;;
    sign-in) echo SignInSimulation ;;
    checkout) echo CheckoutSimulation ;;
    flash-sale) echo FlashSaleSimulation ;;
    *Simulation) echo "$1" ;;
    *) echo "unknown simulation '$1': use browse, ceiling, reservations, payments, signed-in, sign-in, checkout or flash-sale" >&2
       return 2 ;;
  esac
}

# Gatling 3.15's console ends with global figures only; the per-request table is in the HTML report, one <tr> per
# request with the name in an "ellipsed-name" span and the figures in cells col-2 (count) to col-14.
# Prints: name count KO p50 p95 p99 max, one line per request ("All Requests" first).
request_rows() {
  awk '
    /class="ellipsed-name">/ { name = $0; sub(/.*class="ellipsed-name">/, "", name); sub(/<\/span>.*/, "", name) }
    /<td class="value [a-z]+ col-[0-9]+">/ {
      column = $0; sub(/.*col-/, "", column); sub(/".*/, "", column)
      value = $0; sub(/^[^>]*>/, "", value); sub(/<.*/, "", value)
      cell[column] = value
      if (column == 14) { print name "\t" cell[2] "\t" cell[4] "\t" cell[8] "\t" cell[10] "\t" cell[11] "\t" cell[12] }
    }' "$1"
}

# The lines every simulation's CostMeter prints (CPU per operation per process), ReservationSimulation about the
# stock after its run, PaymentSimulation about its setup, the quiet waits and the webhook phase, CheckoutSimulation
# about its orders, and FlashSaleSimulation its reconciliation.
stock_lines() {
  local lines='^(cost: |reservations: |oversell: |MISMATCH |setup: |quiet after |NOT QUIET |webhooks: |checkouts: '
  grep -E "$lines|flash sale: |GOAL MISSED: (webhook|checkout|flash sale))" "$console" | sed 's/^/  /' || true
}

# Prints the simulation's figures; fails when the detail/ping goal is missed (Gatling's own assertions fail the run).
summarize() {
  local simulation="$1" report seconds webhook_seconds grant_seconds result=0
  report="$(sed -n 's|^Reports generated.*file://\(.*/index\.html\).*|\1|p' "$console" | tail -1)"
  seconds="$(sed -n 's/^Phase length: \([0-9]*\) s.*/\1/p' "$console" | tail -1)"
  # PaymentSimulation's webhook phase has its own length; its requests' rates are counted over it.
  webhook_seconds="$(sed -n 's/^Webhook phase length: \([0-9]*\) s.*/\1/p' "$console" | tail -1)"
  # SignInSimulation's refresh and client-credentials phases (requests named "... grant") have theirs.
  grant_seconds="$(sed -n 's/^Phase length: .* grants\/s for \([0-9]*\) s each.*/\1/p' "$console" | tail -1)"
  if [[ -z "$report" || -z "$seconds" ]]; then
    printf '%s: no report (see the log)\n' "$simulation"
    stock_lines
    return 1
  fi
  # req/s is the count over the phase length: the achieved arrival rate in the open model, the throughput in the
  # closed one; a server that falls behind an open-model rate shows it in the percentiles. In the closed model every
  # phase lasts as long, so "of ping" (a request's count over ping's) is its throughput as a share of the ceiling.
  printf '%s (phases of %s s; report %s)\n' "$simulation" "$seconds" "$report"
  request_rows "$report" | awk -F '\t' -v seconds="$seconds" -v webhook_seconds="${webhook_seconds:-0}" \
      -v grant_seconds="${grant_seconds:-0}" \
      -v simulation="$simulation" -v goal="$detail_share_goal" -v signed_in_goal="$signed_in_cost_goal" '
    $1 == "All Requests" { next }
    { rows[++n] = $0; count[$1] = $2; if ($1 != "ping") { browse += $2 } }
    END {
      ceiling = simulation == "CeilingSimulation" && count["ping"] > 0
      printf "  %-18s %8s %6s %9s %6s %6s %6s %7s%s\n", "request", "count", "KO", "req/s", "p50", "p95", "p99", \
        "max ms", ceiling ? "  of ping" : ""
      for (i = 1; i <= n; i++) {
        split(rows[i], f, "\t")
        share = ceiling ? sprintf("  %6.1f %%", 100 * f[2] / count["ping"]) : ""
        phase = f[1] ~ /^webhook/ && webhook_seconds > 0 ? webhook_seconds : seconds
        phase = f[1] ~ / grant$/ && grant_seconds > 0 ? grant_seconds : phase
        printf "  %-18s %8d %6d %9.1f %6d %6d %6d %7d%s\n", f[1], f[2], f[3], f[2] / phase, f[4], f[5], f[6], f[7], share
      }
      if (simulation == "BrowseSimulation") {
        printf "  browse throughput: %.1f req/s (all requests but ping)\n", browse / seconds
      } else if (ceiling) {
        share = 100 * count["product detail"] / count["ping"]
        printf "  product detail throughput: %.1f %% of the ping ceiling (goal at least %d %%)\n", share, goal
        if (share < goal) { print "  GOAL MISSED: product detail below " goal " % of the ceiling"; exit 3 }
      } else if (simulation == "SignedInReadSimulation" && count["product detail, signed in"] > 0) {
        # Both phases offer the same closed-model load: the throughput ratio is the ratio of the cost of a read.
        extra = 100 * (count["product detail"] / count["product detail, signed in"] - 1)
        printf "  a signed-in product read costs %.1f %% more than an anonymous one (goal under %d %%)\n", extra,
          signed_in_goal
        if (extra >= signed_in_goal) { print "  GOAL MISSED: a signed-in read costs " signed_in_goal " % more or worse"; exit 3 }
      }
    }' || result=1
  grep -E ' : (true|false) \(actual : ' "$console" | sed -e 's/^/  /' -e 's/^  \(.* : false \)/  GOAL MISSED: \1/' || true
  stock_lines
  if grep -qE '^GOAL MISSED: (webhook|checkout|flash sale)' "$console"; then
    result=1
  fi
  # The last "Errors" block is the final one: each distinct failure with its count, for all requests together.
  awk '/^---- Errors/ { n = 0; grab = 1; next }
       grab && (/^====/ || /^$/) { grab = 0 }
       grab { sub(/^> /, ""); gsub(/  +/, " "); lines[++n] = $0 }
       END { for (i = 1; i <= n; i++) print "  error: " lines[i] }' "$console"
  return "$result"
}

for name in $simulations; do
  simulation="$(simulation_class "$name")" || exit 2
  if ! "$bench/../mvnw" -q -f "$bench/pom.xml" gatling:test \
      -Dgatling.simulationClass="dev.shopstream.bench.$simulation" "$@" 2>&1 | tee "$console" | tee -a "$log"; then
    status=1
  fi
  summary+="$(summarize "$simulation")"$'\n' || status=1
done

printf '\n==== Summary (%s) ====\n%s' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$summary" | tee -a "$log"
printf 'Console output and summary: %s\nCPU per operation per process (CSV): %s\n' "$log" "$BENCH_COST_FILE"
exit "$status"
