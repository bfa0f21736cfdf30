#!/usr/bin/env bash
# Runs Shopstream's load benchmarks against a running platform (see docs/performance.md for how to prepare it:
# rate limit raised, 10 000 products), one simulation after the other, and prints a summary per request.
#
#   bench/run.sh [-Dname=value ...]
#
# Every -D setting reaches every simulation: catalog.url, rate, duration, ceilingRate, users, closedDuration, warmUp.
# SIMULATIONS="BrowseSimulation" runs only the named ones (default: BrowseSimulation ProductDetailCeilingSimulation).
# The console output and the summary go to bench/target/bench-<timestamp>.log; Gatling's HTML reports to
# bench/target/gatling/. Exits 1 when a goal is missed or a simulation fails.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
simulations="${SIMULATIONS:-BrowseSimulation ProductDetailCeilingSimulation}"
detail_share_goal=50 # product detail throughput as a percentage of the ping ceiling, closed model

mkdir -p "$bench/target"
log="$bench/target/bench-$(date +%Y%m%d-%H%M%S).log"
console="$(mktemp)"
trap 'rm -f "$console"' EXIT
status=0
summary=""

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

# Prints the simulation's figures; fails when the detail/ping goal is missed (Gatling's own assertions fail the run).
summarize() {
  local simulation="$1" report seconds result=0
  report="$(sed -n 's|^Reports generated.*file://\(.*/index\.html\).*|\1|p' "$console" | tail -1)"
  seconds="$(sed -n 's/^Phase length: \([0-9]*\) s.*/\1/p' "$console" | tail -1)"
  if [[ -z "$report" || -z "$seconds" ]]; then
    printf '%s: no report (see the log)\n' "$simulation"
    return 1
  fi
  # req/s is the count over the phase length: the achieved arrival rate in the open model, the throughput in the
  # closed one; a server that falls behind an open-model rate shows it in the percentiles.
  printf '%s (phases of %s s; report %s)\n' "$simulation" "$seconds" "$report"
  printf '  %-18s %8s %6s %9s %6s %6s %6s %7s\n' request count KO 'req/s' p50 p95 p99 'max ms'
  request_rows "$report" | awk -F '\t' -v seconds="$seconds" -v simulation="$simulation" -v goal="$detail_share_goal" '
    $1 == "All Requests" { next }
    {
      printf "  %-18s %8d %6d %9.1f %6d %6d %6d %7d\n", $1, $2, $3, $2 / seconds, $4, $5, $6, $7
      count[$1] = $2
      if ($1 != "ping") { browse += $2 }
    }
    END {
      if (simulation == "BrowseSimulation") {
        printf "  browse throughput: %.1f req/s (all requests but ping)\n", browse / seconds
      } else if (simulation == "ProductDetailCeilingSimulation" && count["ping"] > 0) {
        share = 100 * count["product detail"] / count["ping"]
        printf "  product detail throughput: %.1f %% of the ping ceiling (goal at least %d %%)\n", share, goal
        if (share < goal) { print "  GOAL MISSED: product detail below " goal " % of the ceiling"; exit 3 }
      }
    }' || result=1
  grep -E ' : (true|false) \(actual : ' "$console" | sed -e 's/^/  /' -e 's/^  \(.* : false \)/  GOAL MISSED: \1/' || true
  # The last "Errors" block is the final one: each distinct failure with its count, for all requests together.
  awk '/^---- Errors/ { n = 0; grab = 1; next }
       grab && (/^====/ || /^$/) { grab = 0 }
       grab { sub(/^> /, ""); gsub(/  +/, " "); lines[++n] = $0 }
       END { for (i = 1; i <= n; i++) print "  error: " lines[i] }' "$console"
  return "$result"
}

for simulation in $simulations; do
  if ! "$bench/../mvnw" -q -f "$bench/pom.xml" gatling:test \
      -Dgatling.simulationClass="dev.shopstream.bench.$simulation" "$@" 2>&1 | tee "$console" | tee -a "$log"; then
    status=1
  fi
  summary+="$(summarize "$simulation")"$'\n' || status=1
done

printf '\n==== Summary (%s) ====\n%s' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$summary" | tee -a "$log"
printf 'Console output and summary: %s\n' "$log"
exit "$status"
