#!/usr/bin/env bash
# Prints the resident memory of every process of the running local platform, and where each JVM's goes.
#
#   bench/memory.sh [label]
#
# Per process: RSS and PSS (resident memory with shared pages divided among their sharers, so PostgreSQL's shared
# buffers are counted once when its processes are summed) in MB, from /proc/<pid>/smaps_rollup. Per JVM, from jcmd
# and jstat of the JDK on the PATH (or JAVA_HOME): heap committed and used, metaspace committed, the code cache in
# use, and the threads. Appends the same rows to bench/target/memory.csv with the label (e.g. "after start").
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
label="${1:-now}"
jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
csv="$bench/target/memory.csv"
mkdir -p "$bench/target"
[[ -f "$csv" ]] || echo "measured_at,label,process,rss_mb,pss_mb,heap_committed_mb,heap_used_mb,metaspace_mb,code_cache_mb,threads" > "$csv"

# The platform's processes, named as bench's ProcessCpu names them.
component() {
  local command="$1"
  case "$command" in
    *ws-server.jar*) echo "${command##* }" ;;
    *kafka.Kafka*) echo kafka ;;
    *-Dkc.*quarkus*|*quarkus*-Dkc.*) echo keycloak ;;
    postgres*|*/bin/postgres\ *) echo postgresql ;;
    *dev.shopstream.devstack.Devstack*) echo "devstack launcher" ;;
    *) return 1 ;;
  esac
}

kilobytes() { awk -v key="$1:" '$1 == key { print $2 }' "$2"; }

declare -A rss pss heap_committed heap_used metaspace code_cache threads
order=()
for process in /proc/[0-9]*; do
  command="$( { tr '\0' ' ' < "$process/cmdline"; } 2>/dev/null | sed 's/ *$//')" || continue
  name="$(component "$command")" || continue
  pid="${process#/proc/}"
  [[ -n "${rss[$name]:-}" ]] || order+=("$name")
  rss[$name]=$(( ${rss[$name]:-0} + $(kilobytes Rss "$process/smaps_rollup") ))
  pss[$name]=$(( ${pss[$name]:-0} + $(kilobytes Pss "$process/smaps_rollup") ))
  threads[$name]=$(( ${threads[$name]:-0} + $(kilobytes Threads "$process/status") ))
  if [[ "$command" == *java* ]]; then
    # jstat -gc: capacities and use in KB; S0C S1C S0U S1U EC EU OC OU MC ...
    read -r heap_c heap_u meta_c < <("${jdk_bin}jstat" -gc "$pid" | awk 'NR == 2 {
      printf "%d %d %d\n", $1 + $2 + $5 + $7, $3 + $4 + $6 + $8, $9 }')
    heap_committed[$name]=$(( heap_c / 1024 ))
    heap_used[$name]=$(( heap_u / 1024 ))
    metaspace[$name]=$(( meta_c / 1024 ))
    code_cache[$name]="$("${jdk_bin}jcmd" "$pid" Compiler.codecache | awk '
      /used=/ { for (i = 1; i <= NF; i++) if ($i ~ /^used=/) { sub(/used=/, "", $i); sub(/Kb,?/, "", $i); used += $i } }
      END { printf "%d", used / 1024 }')"
  fi
done

printf '%-18s %8s %8s %10s %10s %10s %10s %8s   (%s, MB)\n' process RSS PSS "heap comm." "heap used" metaspace \
  "code cache" threads "$label"
total_pss=0
now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
for name in "${order[@]}"; do
  printf '%-18s %8d %8d %10s %10s %10s %10s %8d\n' "$name" $(( rss[$name] / 1024 )) $(( pss[$name] / 1024 )) \
    "${heap_committed[$name]:--}" "${heap_used[$name]:--}" "${metaspace[$name]:--}" "${code_cache[$name]:--}" \
    "${threads[$name]}"
  echo "$now,$label,$name,$(( rss[$name] / 1024 )),$(( pss[$name] / 1024 )),${heap_committed[$name]:-},${heap_used[$name]:-},${metaspace[$name]:-},${code_cache[$name]:-},${threads[$name]}" >> "$csv"
  [[ "$name" == "devstack launcher" ]] || total_pss=$(( total_pss + pss[$name] ))
done
printf 'whole platform (PSS, launcher excluded): %d MB\n' $(( total_pss / 1024 ))
