#!/bin/bash
# Writes a fresh set of random secrets as files into a folder (default docker/target/secrets), the
# shape the compose file mounts at /run/secrets/rathaus: one file per variable, plus keycloak.env and
# the master keystore. For a test or a first installation; production keeps them in its secret
# store (Kubernetes: External Secrets, see docker/kubernetes). Never commit the folder.
# RATHAUS_REGISTER_CLIENT_SECRET is read only when RATHAUS_REGISTER_URL names a register service; the
# portal's other run-time secrets (webhook signing keys, API clients) are data, not files.
set -euo pipefail
dir=${1:-$(cd "$(dirname "$0")" && pwd)/target/secrets}
mkdir -p "$dir"
chmod 0755 "$dir"
random() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }
for name in POSTGRES_PASSWORD POSTGRESQL_PASSWORD POSTGRESQL_MIGRATION_PASSWORD KC_DB_PASSWORD OIDC_CLIENT_SECRET \
            KEYCLOAK_ADMIN_CLIENT_SECRET PAYMENT_PROVIDER_SECRET RATHAUS_KEYSTORE_PASSWORD RATHAUS_AUDIT_ANCHOR_KEY KC_BOOTSTRAP_ADMIN_PASSWORD \
            RATHAUS_EID_BROKER_SECRET RATHAUS_MUSTERSTADT_BROKER_SECRET RATHAUS_METRICS_TOKEN \
            RATHAUS_REGISTER_CLIENT_SECRET; do
  [[ -s "$dir/$name" ]] || random > "$dir/$name"
done
cat > "$dir/keycloak.env" <<ENV
KC_DB_PASSWORD=$(<"$dir/KC_DB_PASSWORD")
KC_BOOTSTRAP_ADMIN_USERNAME=admin
KC_BOOTSTRAP_ADMIN_PASSWORD=$(<"$dir/KC_BOOTSTRAP_ADMIN_PASSWORD")
RATHAUS_OIDC_CLIENT_SECRET=$(<"$dir/OIDC_CLIENT_SECRET")
RATHAUS_ADMIN_CLIENT_SECRET=$(<"$dir/KEYCLOAK_ADMIN_CLIENT_SECRET")
RATHAUS_EID_BROKER_SECRET=$(<"$dir/RATHAUS_EID_BROKER_SECRET")
RATHAUS_MUSTERSTADT_BROKER_SECRET=$(<"$dir/RATHAUS_MUSTERSTADT_BROKER_SECRET")
ENV
if [[ ! -s "$dir/rathaus-master.p12" ]]; then
  # The master key that wraps the municipalities' data keys (README, Encryption at rest).
  keytool -genseckey -alias rathaus-master-1 -keyalg AES -keysize 256 -storetype PKCS12 \
    -keystore "$dir/rathaus-master.p12" -storepass "$(<"$dir/RATHAUS_KEYSTORE_PASSWORD")" >/dev/null
fi
# Readable by the containers' non-root users (the folder itself is only on this host).
chmod 0644 "$dir"/*
echo "secrets in $dir"
