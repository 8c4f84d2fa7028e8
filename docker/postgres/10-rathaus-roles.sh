#!/bin/bash
# PostgreSQL's first start (the official image runs /docker-entrypoint-initdb.d/*): the roles and
# databases the portal and Keycloak expect, as the launcher creates them (LocalPostgres#provision):
# rathaus_owner owns the schema and runs Flyway, rathaus is the portal's runtime role (no owner, no
# superuser, no BYPASSRLS), keycloak owns its own database; nobody else may connect.
# Passwords come from the environment (compose: secret files), never from this file.
set -euo pipefail
read_secret() { local v="${!1:-}"; [[ -z "$v" && -f "/run/secrets/rathaus/$1" ]] && v=$(<"/run/secrets/rathaus/$1"); printf '%s' "$v"; }
owner_pw=$(read_secret POSTGRESQL_MIGRATION_PASSWORD)
app_pw=$(read_secret POSTGRESQL_PASSWORD)
kc_pw=$(read_secret KC_DB_PASSWORD)
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v owner_pw="$owner_pw" -v app_pw="$app_pw" -v kc_pw="$kc_pw" <<'SQL'
CREATE ROLE rathaus_owner LOGIN NOSUPERUSER NOCREATEROLE PASSWORD :'owner_pw';
CREATE ROLE rathaus LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_pw';
CREATE ROLE keycloak LOGIN NOSUPERUSER NOCREATEROLE PASSWORD :'kc_pw';
CREATE DATABASE rathaus OWNER rathaus_owner ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8' TEMPLATE template0;
REVOKE CONNECT, TEMPORARY ON DATABASE rathaus FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE keycloak FROM PUBLIC;
GRANT CONNECT ON DATABASE rathaus TO rathaus;
\connect rathaus
GRANT USAGE ON SCHEMA public TO rathaus;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
