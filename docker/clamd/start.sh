#!/bin/bash
# Starts freshclam (unless FRESHCLAM=off or no network is expected) and clamd in the foreground.
# Without any signature database clamd refuses to start: with FRESHCLAM=off the operator (or the
# test) provides /var/lib/clamav, e.g. the project's test signatures.
set -euo pipefail
conf=/etc/rathaus-clamav
fresh=$conf/freshclam.conf
if [[ -n "${FRESHCLAM_MIRROR:-}" ]]; then
  fresh=/tmp/freshclam.conf
  sed "s|^DatabaseMirror .*|PrivateMirror ${FRESHCLAM_MIRROR}|" "$conf/freshclam.conf" > "$fresh"
fi
if [[ "${FRESHCLAM:-on}" != off ]]; then
  if ! ls /var/lib/clamav/*.c[lv]d >/dev/null 2>&1; then
    freshclam --config-file="$fresh" --foreground=yes
  fi
  freshclam --config-file="$fresh" --daemon --foreground=yes &
fi
exec clamd --config-file="$conf/clamd.conf"
