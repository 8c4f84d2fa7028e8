#!/bin/bash
# Container health = WildFly's readiness (database reachable, migrations done, deployment up).
# bash's /dev/tcp instead of curl: the runtime image carries no HTTP client.
exec 3<>/dev/tcp/127.0.0.1/${RATHAUS_MANAGEMENT_PORT:-9990} || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 3 status <&3 || exit 1
case "$status" in
  *" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
