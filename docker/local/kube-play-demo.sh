#!/bin/bash
# Issue 12: the demo overlay on podman, as far as `podman kube play` (4.3) can run it. Renders the
# overlay with Kustomize (`kubectl kustomize`, or `kustomize build`), keeps the kinds podman plays,
# points the images at the locally built ones and starts them; then checks the portal pod: the
# manifest's security settings (non-root uid 185, read-only root, no capabilities, emptyDirs) hold,
# WildFly boots and /health/live answers UP. Its readiness stays DOWN: the database is a
# CloudNativePG Cluster, which only its operator makes (see README, "podman kube play").
# Needs the images of docker/build-images.sh --local. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. docker/local/podman-env.sh
tag=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
work=$root/docker/target/kube-play
rm -rf "$work" && mkdir -p "$work"
if command -v kubectl >/dev/null; then
  kubectl kustomize docker/kubernetes/overlays/demo > "$work/demo.yaml"
elif command -v kustomize >/dev/null; then
  kustomize build docker/kubernetes/overlays/demo > "$work/demo.yaml"
else
  echo "neither kubectl nor kustomize found" >&2; exit 1
fi
secrets=$root/docker/target/secrets
[[ -s "$secrets/POSTGRESQL_PASSWORD" ]] || docker/make-secrets.sh "$secrets" >/dev/null

python3 - "$work" "$tag" "$secrets" <<'PY'
import sys, yaml
work, tag, secrets = sys.argv[1:]
docs = [d for d in yaml.safe_load_all(open(f"{work}/demo.yaml")) if d]
# What podman kube play cannot do, and why; everything else it gets.
why = {
    "Cluster": "CloudNativePG custom resource: needs its operator (PostgreSQL primary + replicas, backups)",
    "Database": "CloudNativePG custom resource: needs its operator",
    "ScheduledBackup": "CloudNativePG custom resource: needs its operator",
    "Keycloak": "Keycloak Operator custom resource: needs the operator",
    "NetworkPolicy": "podman has no network policy engine (all pods of the network reach each other)",
    "Ingress": "no Ingress controller in podman (TLS termination, host routing)",
    "PodDisruptionBudget": "no scheduler/evictions in podman",
    "Service": "podman kube play creates no Service objects (no cluster DNS names, no headless service for DNS_PING)",
}
played, skipped = [], []
for d in docs:
    kind, name = d["kind"], d["metadata"]["name"]
    if kind in why:
        skipped.append(f"{kind}/{name}: {why[kind]}")
        continue
    if kind == "Deployment" and name == "rathaus-clamd":
        skipped.append("Deployment/rathaus-clamd: its freshclam init container downloads signatures (no internet here)")
        continue
    if kind == "Deployment":
        spec = d["spec"]["template"]["spec"]
        for c in spec["containers"]:
            # podman 4.3 resolves no fieldRef but metadata.name: the namespace as a literal, the pod
            # IP left to the entry point (hostname -i), each adaptation listed.
            env = []
            for e in c.get("env", []):
                path = e.get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
                if path == "metadata.namespace":
                    env.append({"name": e["name"], "value": d["metadata"].get("namespace", "default")})
                    skipped.append(f"adapted {name}: env {e['name']} from fieldRef {path} written as a literal")
                elif path == "status.podIP":
                    skipped.append(f"adapted {name}: env {e['name']} from fieldRef {path} dropped (start.sh uses hostname -i)")
                else:
                    env.append(e)
            c["env"] = env
            probes = [k for k in ("startupProbe", "readinessProbe", "livenessProbe") if c.pop(k, None)]
            if probes:
                skipped.append(f"adapted {name}: {', '.join(probes)} removed (podman 4.3 runs httpGet probes"
                               " through curl, which the images do not carry; this script probes itself)")
            if c.pop("ports", None):
                # podman 4.3 publishes every containerPort on the host (taken here by other servers);
                # the probes and checks run inside the pod, so nothing needs publishing.
                skipped.append(f"adapted {name}: containerPorts removed (podman would publish them on the host)")
            if "rathaus-portal" in c["image"]:
                c["image"] = f"localhost/rathaus-portal:{tag}"
            elif "mailpit" in c["image"]:
                c["image"] = f"localhost/rathaus-local-services:{tag}"
                c.setdefault("env", []).append({"name": "RATHAUS_LOCAL_ROLE", "value": "mail"})
                c["securityContext"]["readOnlyRootFilesystem"] = False
                spec["securityContext"]["runAsUser"] = 0
                spec["securityContext"]["runAsNonRoot"] = False
        for v in spec.get("volumes", []):
            if "secret" in v:
                # podman 4.3 maps secret volumes only to podman secrets; the files of make-secrets.sh instead.
                v.pop("secret")
                v["hostPath"] = {"path": secrets, "type": "Directory"}
    played.append(d)
yaml.safe_dump_all(played, open(f"{work}/podman.yaml", "w"), sort_keys=False)
with open(f"{work}/not-played.txt", "w") as f:
    f.write("\n".join(skipped) + "\n")
print("[kube] played:", ", ".join(f"{d['kind']}/{d['metadata']['name']}" for d in played))
print("[kube] not played by podman:")
for s in skipped:
    print("   ", s)
PY

cleanup() {
  podman kube down "$work/podman.yaml" >/dev/null 2>&1 || true
  podman pod rm -f rathaus-portal-pod-0 rathaus-mail-pod-0 >/dev/null 2>&1 || true   # a half-played earlier try
}
trap cleanup EXIT
cleanup
podman kube play "$work/podman.yaml"
pod=$(podman ps --format '{{.Names}}' | grep -m1 '^rathaus-portal-pod.*-portal$' || true)
[[ -n "$pod" ]] || { podman ps -a; echo "[kube] no portal container" >&2; exit 1; }
echo "[kube] portal container $pod; waiting for WildFly …"
for _ in $(seq 1 900); do podman logs "$pod" 2>&1 | grep -cE 'WFLYSRV0025|WFLYSRV0026' >/dev/null && break || sleep 1; done
podman logs "$pod" > "$work/portal.log" 2>&1
grep -qE 'WFLYSRV0025|WFLYSRV0026' "$work/portal.log" || { tail -30 "$work/portal.log"; echo "[kube] WildFly did not boot" >&2; exit 1; }
probe() {
  podman exec "$pod" bash -c "exec 3<>/dev/tcp/127.0.0.1/9990; printf 'GET $1 HTTP/1.0\r\n\r\n' >&3; head -1 <&3"
}
user=$(podman exec "$pod" id -u)
readonly_root=$(podman exec "$pod" sh -c 'touch /opt/probe 2>/dev/null && echo writable || echo read-only')
caps=$(podman exec "$pod" sh -c 'grep CapEff /proc/self/status' | awk '{print $2}')
live=$(probe /health/live | tr -d '\r')
ready=$(probe /health/ready | tr -d '\r')
echo "[kube] uid $user, root file system $readonly_root, effective capabilities $caps"
echo "[kube] /health/live: $live; /health/ready: $ready (no CloudNativePG database in podman)"
[[ "$user" == 185 && "$readonly_root" == read-only && "$caps" == 0000000000000000 ]] || { echo "[kube] security context not applied" >&2; exit 1; }
[[ "$live" == *" 200 "* ]] || { echo "[kube] not live" >&2; exit 1; }
[[ "$ready" == *" 503 "* ]] || { echo "[kube] readiness should be DOWN without the database" >&2; exit 1; }
echo "[kube] passed (rendered and played manifests in $work)"
