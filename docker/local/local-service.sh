#!/bin/bash
# Entry point of the local stand-in image (see Containerfile.services).
set -euo pipefail
case "${RATHAUS_LOCAL_ROLE:-}" in
  postgres)
    export PATH=/usr/lib/postgresql/15/bin:$PATH
    data=/var/lib/postgresql/data
    mkdir -p "$data" /run/postgresql && chown -R postgres:postgres "$data" /run/postgresql
    if [[ ! -s "$data/PG_VERSION" ]]; then
      password=$(<"${POSTGRES_PASSWORD_FILE}")
      su postgres -c "initdb -D $data -U ${POSTGRES_USER:-postgres} --auth-local=trust --auth-host=scram-sha-256 --pwfile=<(printf '%s' '$password')" >/dev/null
      echo "host all all 0.0.0.0/0 scram-sha-256" >> "$data/pg_hba.conf"
      su postgres -c "pg_ctl -D $data -o '-c listen_addresses=' -w start" >/dev/null
      for script in /docker-entrypoint-initdb.d/*.sh; do
        [[ -f "$script" ]] && su postgres -c "PGHOST=/run/postgresql POSTGRES_USER=${POSTGRES_USER:-postgres} bash $script"
      done
      su postgres -c "pg_ctl -D $data -m fast -w stop" >/dev/null
    fi
    exec su postgres -c "exec postgres -D $data -c listen_addresses='*'"
    ;;
  haproxy)
    exec haproxy -db -f /usr/local/etc/haproxy/haproxy.cfg
    ;;
  mail)
    # Prints every mail to the container log (podman logs rathaus_mail_1).
    exec python3 -u -m aiosmtpd -n -l 0.0.0.0:1025   # -u: unbuffered, or the log shows nothing
    ;;
  *)
    echo "RATHAUS_LOCAL_ROLE must be postgres, haproxy or mail" >&2
    exit 2
    ;;
esac
