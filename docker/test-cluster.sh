#!/bin/bash
# Issue 12's failover proof: two portal nodes behind HAProxy, a citizen's node killed with SIGKILL
# in the middle of her application, she finishes without signing in again; nothing lost or
# duplicated; a clerk then claims the case on the surviving node. Prints the failover time.
#
#   docker/test-cluster.sh              the images on a local Debian base, the compose stack with podman
#   docker/test-cluster.sh --processes  plain processes: two copies of the provisioned WildFly and
#                                       Debian's haproxy on the test stack (no containers needed)
#
# Needs ./mvnw -DskipTests package before (the images take the built server and WAR), Debian's
# chromium + chromium-driver, and for the default mode podman, runc, mmdebstrap, podman-compose
# (as root). Not part of ./mvnw verify / .ci/run: it takes several minutes (see README).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
it=(-o -pl portal-web -am verify -Dit.test=ClusterFailoverIT -Dfailsafe.failIfNoSpecifiedTests=false
    -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false)

if [[ "${1:-}" == --processes ]]; then
  # Own network namespace where the helper exists (fixed test ports), else the host's.
  isolated=()
  [[ -x /work/bin/isolated ]] && isolated=(/work/bin/isolated)
  exec "${isolated[@]}" ./mvnw "${it[@]}"
fi

. docker/local/podman-env.sh
export RATHAUS_PORTAL_PORT=${RATHAUS_PORTAL_PORT:-28080} RATHAUS_KEYCLOAK_PORT=${RATHAUS_KEYCLOAK_PORT:-28180}
export RATHAUS_MAIL_WEB_PORT=${RATHAUS_MAIL_WEB_PORT:-28025} RATHAUS_TEST_POSTGRES_PORT=${RATHAUS_TEST_POSTGRES_PORT:-25433}
export RATHAUS_PORTAL_URL=http://localhost:$RATHAUS_PORTAL_PORT RATHAUS_KEYCLOAK_URL=http://localhost:$RATHAUS_KEYCLOAK_PORT
export RATHAUS_MODE=demo RATHAUS_DEMO_DATA=true KEYCLOAK_IMPORT=$root/identity/src/main/resources/keycloak
export RATHAUS_LOG_FORMAT=${RATHAUS_LOG_FORMAT:-json}
export RATHAUS_SECRETS=$root/docker/target/secrets CLAMAV_DB=$root/docker/target/clamav
tag=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
export RATHAUS_POSTGRES_IMAGE=localhost/rathaus-local-services:$tag RATHAUS_HAPROXY_IMAGE=localhost/rathaus-local-services:$tag
export RATHAUS_MAIL_IMAGE=localhost/rathaus-local-services:$tag
compose=(podman-compose -p rathaus -f docker/compose.yaml -f docker/local/compose.test.yaml)

started=$SECONDS
docker/build-images.sh --local
docker/make-secrets.sh "$RATHAUS_SECRETS"
# The signatures clamd starts with here: the project's test set (EICAR); production runs freshclam.
mkdir -p "$CLAMAV_DB" && cp launcher/src/main/resources/clamav/rathaus-test.* "$CLAMAV_DB/" && chmod -R a+rwX "$CLAMAV_DB"

cleanup() { "${compose[@]}" down -v >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
logs=$root/docker/target/cluster-logs
rm -rf "$logs" && mkdir -p "$logs"
fail() { echo "[cluster] FAILED: $*" >&2; "${compose[@]}" ps >&2 || true; exit 1; }

# Every container created, then started in an order the test controls: PostgreSQL first (empty
# database), then both portal nodes with ONE podman start, so their migrations race (issue 12:
# Flyway's lock lets one migrate while the other waits; if one JVM reaches Flyway only after the
# other has migrated, it finds the schema current — check-logs.py accepts both and says which).
"${compose[@]}" up --no-start >/dev/null
podman start rathaus_postgres_1 rathaus_mail_1 rathaus_clamd_1 >/dev/null
for _ in $(seq 1 300); do
  podman exec rathaus_postgres_1 bash -c '</dev/tcp/127.0.0.1/5432' 2>/dev/null && break || sleep 1
done
podman exec rathaus_postgres_1 bash -c '</dev/tcp/127.0.0.1/5432' || fail "PostgreSQL did not start"
podman start rathaus_keycloak_1 >/dev/null
echo "[cluster] starting portal-1 and portal-2 at the same moment against the empty database"
podman start rathaus_portal-1_1 rathaus_portal-2_1 >/dev/null
podman start rathaus_haproxy_1 >/dev/null

echo "[cluster] waiting for HAProxy → portal on $RATHAUS_PORTAL_URL …"
code=000
for _ in $(seq 1 900); do   # first boot: migrations, two servers at once
  code=$(curl -s -o /dev/null -w '%{http_code}' "$RATHAUS_PORTAL_URL/" || true)
  [[ "$code" == 200 ]] && break
  sleep 1
done
[[ "$code" == 200 ]] || { podman logs --tail 50 rathaus_portal-1_1 || true; fail "portal not reachable (HTTP $code)"; }
# Both nodes ready and in one cluster view before the journey starts.
for node in portal-1 portal-2; do
  ok=
  for _ in $(seq 1 600); do
    podman healthcheck run "rathaus_${node}_1" >/dev/null 2>&1 && { ok=1; break; } || sleep 1
  done
  [[ -n "$ok" ]] || fail "$node not ready"
done
for node in portal-1 portal-2; do podman logs "rathaus_${node}_1" > "$logs/$node.log" 2>&1; done
python3 docker/local/check-logs.py flyway "$logs/portal-1.log" "$logs/portal-2.log" || fail "migrations at the simultaneous start"
joined=
for _ in $(seq 1 120); do
  # Infinispan: the deployment's session cache rebalanced onto both nodes (every session has 2 owners).
  podman logs rathaus_portal-1_1 2>&1 | grep -c 'Context=rathaus.war].*Finished rebalance with members \[[^]]*, [^]]*\]' >/dev/null && { joined=1; break; } || sleep 1
done
[[ -n "$joined" ]] || fail "the two nodes did not form one session cache"
# Keycloak too: the portal becomes ready without it (public pages need no sign-in), so on an idle
# machine both nodes can be ready while Keycloak still imports its realms, and Erika's sign-in would
# meet "Anmeldung gerade nicht möglich". Every realm the journey passes through must answer.
for realm in rathaus eid musterstadt-verzeichnis; do
  code=000
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$RATHAUS_KEYCLOAK_URL/realms/$realm" || true)
    [[ "$code" == 200 ]] && break
    sleep 1
  done
  [[ "$code" == 200 ]] || { podman logs --tail 50 rathaus_keycloak_1 || true; fail "Keycloak realm $realm not answering (HTTP $code)"; }
done
echo "[cluster] stack up after $((SECONDS - started)) s"

# The journey: sign in, step 1, kill -9 of her node, step 2 + submit, DB checks, mail, clerk.
./mvnw "${it[@]}" -Drathaus.it.stack=false \
  -Drathaus.cluster.url="$RATHAUS_PORTAL_URL" \
  -Drathaus.cluster.jdbc="jdbc:postgresql://127.0.0.1:$RATHAUS_TEST_POSTGRES_PORT/rathaus" \
  -Drathaus.cluster.postgres-password-file="$RATHAUS_SECRETS/POSTGRES_PASSWORD" || fail "ClusterFailoverIT"

# Metrics: not through the load balancer; on a node with the token, counting the submission.
[[ $(curl -s -o /dev/null -w '%{http_code}' "$RATHAUS_PORTAL_URL/internal/metrics") == 404 ]] || fail "metrics reachable through HAProxy"
survivor=
for node in portal-1 portal-2; do   # the killed one may be restarting (restart: unless-stopped)
  podman healthcheck run "rathaus_${node}_1" >/dev/null 2>&1 && { survivor=rathaus_${node}_1; break; }
done
[[ -n "$survivor" ]] || fail "no ready portal node left"
podman exec -e TOKEN="$(<"$RATHAUS_SECRETS/RATHAUS_METRICS_TOKEN")" "$survivor" bash -c \
  'exec 3<>/dev/tcp/127.0.0.1/8080; printf "GET /internal/metrics HTTP/1.0\r\nAuthorization: Bearer %s\r\n\r\n" "$TOKEN" >&3; cat <&3' \
  > "$logs/metrics.txt"
grep -q '^rathaus_applications_submitted_total [1-9]' "$logs/metrics.txt" || fail "metrics: no submission counted ($logs/metrics.txt)"
grep -q '^rathaus_scanner_status 1' "$logs/metrics.txt" || fail "metrics: clamd not answering"
echo "[cluster] metrics on $survivor: $(grep -E '^rathaus_(applications_submitted_total|outbox_backlog|scanner_status) ' "$logs/metrics.txt" | tr '\n' ' ')"
podman exec "$survivor" bash -c \
  'exec 3<>/dev/tcp/127.0.0.1/9990; printf "GET /metrics HTTP/1.0\r\n\r\n" >&3; cat <&3' > "$logs/wildfly-metrics.txt"
python3 docker/local/check-logs.py dashboard docker/grafana/rathaus-operations.json "$logs/metrics.txt" "$logs/wildfly-metrics.txt" \
  || fail "Grafana dashboard"
podman logs "$survivor" > "$logs/${survivor}-after.log" 2>&1
# Figures for the README's sizing (informational, never fail the test).
{
  echo "[measure] container memory: $(podman stats --no-stream --format '{{.Name}} {{.MemUsage}}' 2>/dev/null | grep portal | tr '\n' ';')"
  echo "[measure] $survivor heap used: $(grep -E '^base_memory_usedHeap_bytes ' "$logs/wildfly-metrics.txt" | awk '{printf "%.0f MiB", $2/1048576}')"
  podman exec rathaus_postgres_1 su postgres -c "psql -d rathaus -Atc \"select 'database ' || pg_size_pretty(pg_database_size('rathaus')) || ', applications ' || (select count(*) from case_application) || ', bytes per application in case_application+case_record+case_event+payment_request+notification_outbox rows: ' || ((select coalesce(sum(pg_column_size(a.*)),0) from case_application a) + (select coalesce(sum(pg_column_size(r.*)),0) from case_record r) + (select coalesce(sum(pg_column_size(e.*)),0) from case_event e) + (select coalesce(sum(pg_column_size(p.*)),0) from payment_request p) + (select coalesce(sum(pg_column_size(o.*)),0) from notification_outbox o)) / greatest((select count(*) from case_application), 1) || ', audit entries ' || (select count(*) from audit_entry) || ' avg ' || (select coalesce(avg(pg_column_size(x.*))::int,0) from audit_entry x) || ' bytes'\"" | sed 's/^/[measure] /'
} 2>&1 || true
if [[ "${RATHAUS_LOG_FORMAT:-}" == json ]]; then
  python3 docker/local/check-logs.py json "$logs/${survivor}-after.log" || fail "JSON logs"
fi
echo "[cluster] done in $((SECONDS - started)) s"
