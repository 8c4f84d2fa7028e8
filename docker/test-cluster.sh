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
"${compose[@]}" up -d
echo "[cluster] waiting for HAProxy → portal on $RATHAUS_PORTAL_URL …"
for _ in $(seq 1 900); do   # first boot: migrations, two servers at once
  code=$(curl -s -o /dev/null -w '%{http_code}' "$RATHAUS_PORTAL_URL/" || true)
  [[ "$code" == 200 ]] && break
  sleep 1
done
[[ "$code" == 200 ]] || { "${compose[@]}" ps; podman logs --tail 50 rathaus_portal-1_1 || true; exit 1; }
# Both nodes ready and in one cluster view before the journey starts.
for node in portal-1 portal-2; do
  for _ in $(seq 1 240); do
    podman healthcheck run "rathaus_${node}_1" >/dev/null 2>&1 && break || sleep 1
  done
done
for _ in $(seq 1 60); do
  # Infinispan: the deployment's session cache rebalanced onto both nodes (every session has 2 owners).
  podman logs rathaus_portal-1_1 2>&1 | grep -q 'Context=rathaus.war].*Finished rebalance with members \[[^]]*, [^]]*\]' && break || sleep 1
done
echo "[cluster] stack up after $((SECONDS - started)) s"
./mvnw "${it[@]}" -Drathaus.it.stack=false \
  -Drathaus.cluster.url="$RATHAUS_PORTAL_URL" \
  -Drathaus.cluster.jdbc="jdbc:postgresql://127.0.0.1:$RATHAUS_TEST_POSTGRES_PORT/rathaus" \
  -Drathaus.cluster.postgres-password-file="$RATHAUS_SECRETS/POSTGRES_PASSWORD"
echo "[cluster] done in $((SECONDS - started)) s"
