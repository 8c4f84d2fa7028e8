#!/bin/sh
# Entry point of the portal image. Everything the portal needs comes from the environment; a secret
# mounted as a file (Kubernetes Secret volume, compose secret) becomes the variable named like the
# file, unless the environment sets it already: /run/secrets/rathaus/POSTGRESQL_PASSWORD → $POSTGRESQL_PASSWORD.
set -eu

secrets=${RATHAUS_SECRETS_DIR:-/run/secrets/rathaus}
if [ -d "$secrets" ]; then
  for file in "$secrets"/*; do
    [ -f "$file" ] || continue
    name=$(basename "$file")
    case "$name" in *[!A-Za-z0-9_]*|[0-9]*) continue ;; esac
    if eval "[ -z \"\${$name:-}\" ]"; then
      value=$(cat "$file")
      export "$name=$value"
    fi
  done
fi

# WildFly writes into its base dir (data, tmp, logs, deployment markers). The image is read-only, so
# the base dir is assembled on every start in a writable volume from the image's configuration.
base=${RATHAUS_SERVER_DIR:-/var/lib/rathaus/standalone}
rm -rf "$base"
mkdir -p "$base/deployments" "$base/data" "$base/tmp" "$base/log"
cp -R /opt/wildfly/standalone/configuration "$base/configuration"
cp /opt/rathaus/rathaus.war "$base/deployments/rathaus.war"

# JGroups: static peers (JGROUPS_PEER_1_HOST/_2_HOST, compose) by default; JGROUPS_DISCOVERY=dns
# switches the channel to the DNS_PING stack (Kubernetes headless service in JGROUPS_DNS_QUERY).
if [ "${JGROUPS_DISCOVERY:-static}" = dns ]; then
  sed -i 's/<channel name="ee" stack="tcp"/<channel name="ee" stack="dns"/' "$base/configuration/standalone.xml"
fi

# RATHAUS_LOG_FORMAT=json: one JSON object per console line (with the MDC's request id) for a log
# collector; the formatter JSON is provisioned (configure-server.cli), only the console uses it.
if [ "${RATHAUS_LOG_FORMAT:-text}" = json ]; then
  sed -i 's/<named-formatter name="COLOR-PATTERN"\/>/<named-formatter name="JSON"\/>/' "$base/configuration/standalone.xml"
fi

# Traces (issue 12): with OTEL_EXPORTER_OTLP_ENDPOINT set (a collector's OTLP/HTTP address, e.g.
# http://otel-collector:4318) the portal exports spans (the WAR turns the SDK on), and the datasource runs on
# OpenTelemetry's JDBC driver, which needs the jdbc:otel: form of POSTGRESQL_URL (configure-server.cli).
if [ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ] && [ -n "${POSTGRESQL_URL:-}" ]; then
  export RATHAUS_DATASOURCE_DRIVER=postgresql-otel
  export RATHAUS_DATASOURCE_URL="jdbc:otel:${POSTGRESQL_URL#jdbc:}"
fi

# The address JGroups binds to and announces: the pod/container address, never 0.0.0.0.
if [ -z "${JGROUPS_BIND_ADDRESS:-}" ]; then
  JGROUPS_BIND_ADDRESS=$(hostname -i | cut -d ' ' -f 1)
fi
node=${JBOSS_NODE_NAME:-$(hostname)}
# The transaction manager's node id is limited to 23 bytes; pod names are longer.
txid=$(printf '%s' "$node" | tail -c 23)

exec /opt/wildfly/bin/standalone.sh \
  -Djboss.server.base.dir="$base" \
  -Djboss.node.name="$node" \
  -Djboss.tx.node.id="$txid" \
  -Djboss.bind.address=0.0.0.0 -Djboss.bind.address.management=0.0.0.0 \
  -Djboss.bind.address.private="$JGROUPS_BIND_ADDRESS" \
  -Djboss.as.management.blocking.timeout="${WILDFLY_BOOT_TIMEOUT:-600}" \
  "$@"
