#!/bin/bash
# Builds the Rathaus images from what ./mvnw package produced (the Maven build happens outside the
# images): localhost/rathaus-portal, localhost/rathaus-keycloak, localhost/rathaus-clamd.
#   docker/build-images.sh            on the public base images (needs a registry)
#   docker/build-images.sh --local    on the Debian bases of docker/local/build-base.sh (no registry)
# Tag/registry: IMAGE_PREFIX (default localhost/), IMAGE_TAG (default the project version).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/docker/local/podman-env.sh"
prefix=${IMAGE_PREFIX:-localhost/}
tag=${IMAGE_TAG:-$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)}
jre_args=() services_args=()
if [[ "${1:-}" == --local ]]; then
  "$root/docker/local/build-base.sh"
  jre_args=(--build-arg BASE_IMAGE=localhost/rathaus-base-jre:17)
  services_args=(--build-arg BASE_IMAGE=localhost/rathaus-base-services)
fi

extensions=$(ls "$root"/keycloak-extensions/target/rathaus-keycloak-extensions-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
[[ -n "$extensions" ]] || { echo "missing keycloak-extensions/target/rathaus-keycloak-extensions-*.jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
for needed in portal-web/target/server/bin/standalone.sh portal-web/target/rathaus.war \
              launcher/target/keycloak/keycloak-quarkus-dist.zip identity/src/main/resources/keycloak/rathaus-realm.json; do
  [[ -e "$root/$needed" ]] || { echo "missing $needed: run ./mvnw -DskipTests package first" >&2; exit 1; }
done

# Keycloak: the distribution unpacked, and the production realm derived from the project's realm.
rm -rf "$root/docker/target/keycloak" "$root/docker/target/keycloak-import"
mkdir -p "$root/docker/target/keycloak-import"
python3 - "$root" <<'PY'
import json, pathlib, re, sys, zipfile
root = pathlib.Path(sys.argv[1])
target = root / "docker/target/keycloak"
with zipfile.ZipFile(root / "launcher/target/keycloak/keycloak-quarkus-dist.zip") as z:
    for info in z.infolist():
        rel = info.filename.split("/", 1)[1] if "/" in info.filename else ""
        if not rel or info.is_dir():
            continue
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(z.read(info))
        if rel.endswith(".sh"):
            out.chmod(0o755)
text = (root / "identity/src/main/resources/keycloak/rathaus-realm.json").read_text()
# Production: secrets and addresses only from the environment, no local default to fall back on.
text = re.sub(r"\$\{(RATHAUS_[A-Z_]*(?:SECRET|URL))(?::[^}]*)\}", r"${\1}", text)
realm = json.loads(text)
# No demo accounts (only service accounts), no demo organisations, no demo staff directory.
realm["users"] = [u for u in realm.get("users", []) if u.get("username", "").startswith("service-account-")]
realm.pop("organizations", None)
realm["identityProviders"] = [p for p in realm.get("identityProviders", []) if p["alias"] != "musterstadt-verzeichnis"]
realm["identityProviderMappers"] = [m for m in realm.get("identityProviderMappers", [])
                                    if m.get("identityProviderAlias") != "musterstadt-verzeichnis"]
(root / "docker/target/keycloak-import/rathaus-realm.json").write_text(json.dumps(realm, indent=2, ensure_ascii=False))
PY

# The portal's Keycloak provider (first-broker-login guards the realm's flows name) and its themes
# (e-mail theme "rathaus"), as the launcher installs them; kc.sh build in the image sees both.
cp "$extensions" "$root/docker/target/keycloak/providers/rathaus-keycloak-extensions.jar"
cp -R "$root/identity/src/main/resources/keycloak/themes/." "$root/docker/target/keycloak/themes/"

build() {
  local name=$1; shift
  echo "[images] ${prefix}rathaus-$name:$tag"
  podman build --format docker -f "$root/docker/$name/Containerfile" -t "${prefix}rathaus-$name:$tag" "$@" "$root"
}
started=$SECONDS
build portal "${jre_args[@]}"
build keycloak "${jre_args[@]}"
build clamd "${services_args[@]}"
if [[ "${1:-}" == --local ]]; then
  # Stand-ins for the public PostgreSQL, HAProxy and mail catcher images, only for the local test.
  echo "[images] ${prefix}rathaus-local-services:$tag"
  podman build --format docker -f "$root/docker/local/Containerfile.services" -t "${prefix}rathaus-local-services:$tag" \
    "${services_args[@]}" "$root"
fi
echo "[images] built in $((SECONDS - started)) s"
