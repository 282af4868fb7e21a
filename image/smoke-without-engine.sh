#!/usr/bin/env bash
# Builds one service's Jib image and runs it from its own layers, with no container engine (root only: chroot):
#
#   sudo image/smoke-without-engine.sh [service]       # default catalog-service
#
# The base image is made here from this machine's JDK (25, as the real base) and the C libraries it needs, since
# a registry may be out of reach; everything above the base is exactly what image/build.sh ships. The image's entry
# point then runs three times as the image's user, with the training run's settings (image/training.env) and
# -Dspring.context.exit=onRefresh: the first start writes the class data sharing archive to /tmp on exit, the
# later ones start from it. Prints each start's time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
service="${1:-catalog-service}"
work="$(mktemp -d /tmp/ticketing-image.XXXXXX)"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[[ $(id -u) == 0 ]] || { echo "smoke-without-engine.sh: chroot needs root" >&2; exit 1; }
cleanup() { umount "$work/root/proc" "$work/root/dev" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== a base image from $java_home"
mkdir -p "$work/base/opt/java" "$work/base/tmp" "$work/base/etc" "$work/base/lib64" "$work/base/lib/x86_64-linux-gnu"
chmod 1777 "$work/base/tmp"
cp -a "$java_home" "$work/base/opt/java/openjdk"
for library in $(ldd "$java_home/bin/java" "$java_home"/lib/*.so "$java_home"/lib/server/libjvm.so 2>/dev/null \
    | awk '$3 ~ /^\// {print $3}' | sort -u); do
  cp -L "$library" "$work/base/lib/x86_64-linux-gnu/"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$work/base/lib64/"
printf 'root:x:0:0::/root:/bin/false\n' > "$work/base/etc/passwd"
python3 - "$work" <<'PYTHON'
import hashlib, io, json, sys, tarfile
work = sys.argv[1]
layer = f"{work}/layer.tar"
with tarfile.open(layer, "w") as tar:
    tar.add(f"{work}/base", arcname=".")
diff_id = hashlib.sha256(open(layer, "rb").read()).hexdigest()
config = json.dumps({"architecture": "amd64", "os": "linux",
                     "config": {"Env": ["PATH=/opt/java/openjdk/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java/openjdk"]},
                     "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]}}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
with tarfile.open(f"{work}/base.tar", "w") as out:
    def add(name, data):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        out.addfile(info, io.BytesIO(data))
    add(config_name, config)
    out.add(layer, arcname=diff_id + "/layer.tar")
    add("manifest.json", json.dumps([{"Config": config_name, "RepoTags": ["local/base:latest"],
                                      "Layers": [diff_id + "/layer.tar"]}]).encode())
PYTHON

echo "== the image of $service (Jib)"
"$ROOT/image/build.sh" --tar --base "tar://$work/base.tar" "$service" > "$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; exit 1; }

echo "== its layers, unpacked"
mkdir -p "$work/image" "$work/root"
tar -xf "$ROOT/$service/target/jib-image.tar" -C "$work/image"
python3 - "$work" <<'PYTHON'
import json, sys, tarfile
work = sys.argv[1]
blob = lambda digest: f"{work}/image/blobs/sha256/" + digest.split(":")[1]
index = json.load(open(f"{work}/image/index.json"))
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
config = json.load(open(blob(manifest["config"]["digest"])))
for layer, history in zip(manifest["layers"], config["history"]):
    print(f"  {layer['size']:>12,} bytes  {history.get('comment') or history.get('created_by', '')}")
    with tarfile.open(blob(layer["digest"])) as tar:
        tar.extractall(f"{work}/root", filter="fully_trusted")
image = config["config"]
json.dump(image, open(f"{work}/config.json", "w"))
print("  user", image["User"], "| labels", image["Labels"])
print("  entrypoint", " ".join(image["Entrypoint"]))
PYTHON

mkdir -p "$work/root/proc" "$work/root/dev"
mount --bind /proc "$work/root/proc"
mount --bind /dev "$work/root/dev"
user="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["User"])' "$work/config.json")"
mapfile -t entrypoint < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["Entrypoint"]))' "$work/config.json")
mapfile -t variables < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["Env"]))' "$work/config.json")
mapfile -t training < <(grep -v '^#' "$ROOT/image/training.env" | grep .)
chroot="$(command -v chroot)"
for start in 1 2 3; do
  began=$(date +%s%N)
  env -i "${variables[@]}" "${training[@]}" JAVA_TOOL_OPTIONS=-Dspring.context.exit=onRefresh \
"$chroot" --userspec="$user" "$work/root" "${entrypoint[@]}" > "$work/start-$start.log" 2>&1 \
    || { tail -30 "$work/start-$start.log"; exit 1; }
  echo "== start $start: context refreshed in $(( ($(date +%s%N) - began) / 1000000 )) ms"
done
ls -l "$work/root/tmp"/*.jsa
