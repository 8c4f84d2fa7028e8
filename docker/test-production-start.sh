#!/bin/bash
# Issue 12: the portal image in production mode (RATHAUS_MODE unset, secrets as files under
# /run/secrets/rathaus) refuses to start with missing or published secrets and starts with proper
# ones. Three portal containers at once next to a production-mode stack (PostgreSQL, Keycloak with
# the production realm — no demo users —, clamd, mail):
#   missing    an empty secrets folder                 → refused, readiness DOWN
#   published  the demo values from the repository    → refused, readiness DOWN
# (all three with RATHAUS_REGISTER_URL set, so the register service's client secret is required too)
#   proper     make-secrets.sh's random secrets        → checked, migrated, readiness UP
# Needs the images of docker/build-images.sh --local (docker/test-cluster.sh builds them) and
# ./mvnw -DskipTests package before. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. docker/local/podman-env.sh
unset RATHAUS_MODE RATHAUS_DEMO_DATA KEYCLOAK_IMPORT
tag=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
export RATHAUS_POSTGRES_IMAGE=localhost/rathaus-local-services:$tag RATHAUS_MAIL_IMAGE=localhost/rathaus-local-services:$tag
export RATHAUS_KEYCLOAK_PORT=${RATHAUS_PROD_KEYCLOAK_PORT:-28281} RATHAUS_TEST_POSTGRES_PORT=${RATHAUS_PROD_POSTGRES_PORT:-25434}
export RATHAUS_KEYCLOAK_URL=http://localhost:$RATHAUS_KEYCLOAK_PORT RATHAUS_PORTAL_URL=https://portal.rathaus.test
export RATHAUS_SECRETS=$root/docker/target/secrets-production CLAMAV_DB=$root/docker/target/clamav
work=$root/docker/target/production-start
compose=(podman-compose -p rathausprod -f docker/compose.yaml -f docker/local/compose.test.yaml)
cases=(missing published proper)

for image in rathaus-portal rathaus-keycloak rathaus-clamd rathaus-local-services; do
  podman image exists "localhost/$image:$tag" || { echo "missing image $image: run docker/build-images.sh --local" >&2; exit 1; }
done
[[ -s docker/target/keycloak-import/rathaus-realm.json ]] || { echo "no production realm: run docker/build-images.sh" >&2; exit 1; }

cleanup() {
  for c in "${cases[@]}"; do podman rm -f "rathausprod_$c" >/dev/null 2>&1 || true; done
  "${compose[@]}" down -v >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
rm -rf "$work" "$RATHAUS_SECRETS" && mkdir -p "$work/missing" "$work/published"
docker/make-secrets.sh "$RATHAUS_SECRETS" >/dev/null
mkdir -p "$CLAMAV_DB" && cp launcher/src/main/resources/clamav/rathaus-test.* "$CLAMAV_DB/" && chmod -R a+rwX "$CLAMAV_DB"
# The values published in the repository (services-ejb DemoValues, identity AdminSettings).
printf rathaus > "$work/published/POSTGRESQL_PASSWORD"
printf rathaus_owner > "$work/published/POSTGRESQL_MIGRATION_PASSWORD"
printf rathaus-local-secret > "$work/published/OIDC_CLIENT_SECRET"
printf rathaus-admin-local-secret > "$work/published/KEYCLOAK_ADMIN_CLIENT_SECRET"
printf rathaus-local-payment-sandbox-secret-2026 > "$work/published/PAYMENT_PROVIDER_SECRET"
printf rathaus-local-keystore > "$work/published/RATHAUS_KEYSTORE_PASSWORD"
printf rathaus-local-audit-anchor-key-2026 > "$work/published/RATHAUS_AUDIT_ANCHOR_KEY"
printf register-double-demo-secret > "$work/published/RATHAUS_REGISTER_CLIENT_SECRET"
chmod -R a+rX "$work"
fail() { echo "[production] FAILED: $*" >&2; exit 1; }

"${compose[@]}" up -d postgres keycloak clamd mail >/dev/null
network=$(podman inspect rathausprod_postgres_1 --format '{{range $name, $n := .NetworkSettings.Networks}}{{$name}} {{end}}' | cut -d ' ' -f 1)
echo "[production] waiting for Keycloak with the production realm on $RATHAUS_KEYCLOAK_URL …"
for _ in $(seq 1 600); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$RATHAUS_KEYCLOAK_URL/realms/rathaus" || true) == 200 ]] && break || sleep 1
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$RATHAUS_KEYCLOAK_URL/realms/rathaus") == 200 ]] || fail "Keycloak not up"

portal=(--network "$network" --read-only --tmpfs /tmp --tmpfs /var/lib/rathaus --cap-drop ALL
  --security-opt no-new-privileges
  -e POSTGRESQL_URL=jdbc:postgresql://postgres:5432/rathaus -e POSTGRESQL_USER=rathaus
  -e POSTGRESQL_MIGRATION_USER=rathaus_owner
  -e OIDC_PROVIDER_URL="http://keycloak:$RATHAUS_KEYCLOAK_PORT/realms/rathaus" -e OIDC_CLIENT_ID=rathaus-portal
  -e KEYCLOAK_ADMIN_CLIENT_ID=rathaus-admin -e PORTAL_BASE_URL="$RATHAUS_PORTAL_URL"
  -e SMTP_HOST=mail -e SMTP_PORT=1025 -e SMTP_FROM=noreply@rathaus.test -e CLAMD_HOST=clamd -e CLAMD_PORT=3310
  -e RATHAUS_KEYSTORE=/run/secrets/rathaus/rathaus-master.p12 -e PAYMENT_PROVIDER_URL=https://payment.invalid
  -e RATHAUS_RESIDENCY_HOSTS=postgres,keycloak,mail,clamd,payment.invalid,register.invalid
  -e RATHAUS_REGISTER_URL=https://register.invalid/api -e RATHAUS_REGISTER_CLIENT_ID=rathaus-portal
  "localhost/rathaus-portal:$tag")
echo "[production] starting three portal containers in production mode: ${cases[*]}"
podman run -d --name rathausprod_missing -v "$work/missing:/run/secrets/rathaus:ro" "${portal[@]}" >/dev/null
podman run -d --name rathausprod_published -v "$work/published:/run/secrets/rathaus:ro" "${portal[@]}" >/dev/null
podman run -d --name rathausprod_proper -v "$RATHAUS_SECRETS:/run/secrets/rathaus:ro" "${portal[@]}" >/dev/null

# grep -c, not -q: -q stops reading, podman logs dies of SIGPIPE, and pipefail makes that a failure.
booted() { podman logs "rathausprod_$1" 2>&1 | grep -cE 'WFLYSRV0025|WFLYSRV0026' >/dev/null; }
for c in "${cases[@]}"; do
  for _ in $(seq 1 900); do booted "$c" && break || sleep 1; done
  booted "$c" || fail "$c: WildFly did not finish booting"
done
ready=
for _ in $(seq 1 300); do   # the proper one migrates the empty database first
  podman healthcheck run rathausprod_proper >/dev/null 2>&1 && { ready=1; break; } || sleep 1
done
for c in "${cases[@]}"; do podman logs "rathausprod_$c" > "$work/$c.log" 2>&1; done

for c in missing published; do
  grep -q 'Production mode refuses to start' "$work/$c.log" || fail "$c: not refused"
  ! podman healthcheck run "rathausprod_$c" >/dev/null 2>&1 || fail "$c: reports ready"
  echo "[production] $c: refused, readiness DOWN:"
  grep -o 'RATHAUS-PRODUCTION: [A-Z].*' "$work/$c.log" | sort -u | sed 's/^/    /'
done
grep -q 'RATHAUS-PRODUCTION: POSTGRESQL_PASSWORD is not set' "$work/missing.log" || fail "missing: no line for POSTGRESQL_PASSWORD"
grep -q 'RATHAUS-PRODUCTION: POSTGRESQL_PASSWORD equals the demo value' "$work/published.log" || fail "published: no line for POSTGRESQL_PASSWORD"
grep -q 'RATHAUS-PRODUCTION: OIDC_CLIENT_SECRET equals the demo value' "$work/published.log" || fail "published: no line for OIDC_CLIENT_SECRET"
# Every secret the portal reads: each one named when missing and when it has the published demo value
# (the register service's only because RATHAUS_REGISTER_URL is set).
for key in POSTGRESQL_PASSWORD OIDC_CLIENT_SECRET POSTGRESQL_MIGRATION_PASSWORD KEYCLOAK_ADMIN_CLIENT_SECRET \
           PAYMENT_PROVIDER_SECRET RATHAUS_KEYSTORE_PASSWORD RATHAUS_AUDIT_ANCHOR_KEY RATHAUS_REGISTER_CLIENT_SECRET; do
  grep -q "RATHAUS-PRODUCTION: $key is not set" "$work/missing.log" || fail "missing: no line for $key"
  grep -q "RATHAUS-PRODUCTION: $key equals the demo value" "$work/published.log" || fail "published: no line for $key"
done
grep -q 'Production mode: configuration checked, no unsafe defaults' "$work/proper.log" || fail "proper: check did not pass ($work/proper.log)"
! grep -q 'RATHAUS-PRODUCTION' "$work/proper.log" || fail "proper: $(grep -m1 -o 'RATHAUS-PRODUCTION: .*' "$work/proper.log")"
[[ -n "$ready" ]] || fail "proper: readiness not UP"
echo "[production] proper: configuration checked, schema migrated, readiness UP"
echo "[production] passed (logs in $work)"
