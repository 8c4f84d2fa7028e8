# Sourced by the scripts in docker/: podman as measured on this kind of machine (STACK-NOTES,
# Containers): runc instead of crun (hybrid cgroups) and no default ulimits (setting them is refused).
export CONTAINERS_CONF=${CONTAINERS_CONF:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/containers.conf}
podman() { command podman --runtime runc "$@"; }
