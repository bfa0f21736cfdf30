#!/usr/bin/env bash
# Builds Shopstream and starts the local platform: PostgreSQL, Kafka, Keycloak, SMTP and every service.
# Ctrl-C stops everything. Settings: ./platform.sh --help. SHOPSTREAM_OFFLINE=1 builds without network.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

maven_args=(-B -q -DskipTests)
if [[ "${SHOPSTREAM_OFFLINE:-}" == "1" ]]; then
  maven_args+=(-o)
fi
./mvnw "${maven_args[@]}" install

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -Dshopstream.root="$root" \
  -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" \
  dev.shopstream.devstack.Devstack "$@"
