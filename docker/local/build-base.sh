#!/bin/bash
# Makes the base images this machine cannot pull: Debian bookworm root file systems from Debian's own
# packages (mmdebstrap), imported into podman. Used by docker/test-cluster.sh and
# docker/build-images.sh --local. Reuses an image that exists already (--force builds again).
#   localhost/rathaus-base-jre:17     JRE 17 for the portal and Keycloak (stands in for eclipse-temurin:17-jre)
#   localhost/rathaus-base-services   PostgreSQL 15, HAProxy, ClamAV, a Python SMTP catcher (stands in for
#                                     postgres, haproxy, clamav and mailpit images in the compose test)
# Needs: apt-get install -y podman runc mmdebstrap (as root).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/podman-env.sh"
force=${1:-}
mirror=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)}
mirror=${mirror:-http://deb.debian.org/debian}
work=${RATHAUS_BASE_WORK:-/var/tmp/rathaus-base}
mkdir -p "$work"

build() {
  local image=$1 packages=$2
  if [[ "$force" != --force ]] && podman image exists "$image"; then
    echo "[base] $image exists"
    return
  fi
  echo "[base] mmdebstrap $image ($packages) from $mirror …"
  local started=$SECONDS
  mmdebstrap --variant=apt --include="$packages" \
    --customize-hook='chroot "$1" apt-get clean' --customize-hook='rm -rf "$1"/var/lib/apt/lists/*' \
    bookworm "$work/${image##*/}.tar" "$mirror"
  podman import "$work/${image##*/}.tar" "$image"
  rm -f "$work/${image##*/}.tar"
  echo "[base] $image in $((SECONDS - started)) s"
}

build localhost/rathaus-base-jre:17 openjdk-17-jre-headless,ca-certificates
build localhost/rathaus-base-services postgresql,haproxy,clamav-daemon,clamav-freshclam,python3-aiosmtpd,ca-certificates
