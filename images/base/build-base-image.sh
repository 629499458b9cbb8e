#!/usr/bin/env bash
# The base of every Shoal image, built without a container engine or registry: a minimal Debian root made with
# debootstrap, a Java runtime jlinked from this machine's JDK, and the unprivileged user the services run as, saved
# in the `docker save` layout Jib reads as a tar:// base image.
#
# usage: build-base-image.sh <output.tar>
#
# The archive is kept in ${XDG_CACHE_HOME:-~/.cache}/shoal/base-image/<recipe>/, the recipe being a digest of this
# script and of the JDK's release file; a fresh clone on the same machine reuses it, a changed recipe builds anew.
# Building needs root (debootstrap chroots), debootstrap (apt-get install debootstrap) and a Debian mirror.
set -euo pipefail

output=${1:?usage: build-base-image.sh <output.tar>}
jdk=${SHOAL_BASE_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
mirror=${SHOAL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
uid=10001
# java.se plus what Cassandra opens and exports at its start (jdk.compiler, jdk.attach, jdk.management) and what
# operators reach for in a running container (jcmd)
modules=java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.jfr,jdk.attach,jdk.compiler,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.naming.dns,jdk.net,jdk.httpserver,jdk.charsets,jdk.jcmd

recipe=$(cat "$0" "$jdk/release" | sha256sum | cut -c1-16)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/shoal/base-image/$recipe

build_root() {
  local root=$1
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; return 1; }
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$root/opt/java"
  echo "shoal:x:$uid:$uid:Shoal:/var/lib/shoal:/usr/sbin/nologin" >>"$root/etc/passwd"
  echo "shoal:x:$uid:" >>"$root/etc/group"
  echo "shoal:!:19000::::::" >>"$root/etc/shadow"
  # the node directory a node image's volume is mounted on
  mkdir -p "$root/var/lib/shoal/node"
  chown -R "$uid:$uid" "$root/var/lib/shoal"
  # an image is replaced, never upgraded in place: package caches, lists and docs only make it bigger
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
    "$root"/usr/share/info/* "$root"/usr/share/locale/* "$root"/var/log/* "$root"/dev/* "$root"/proc/* \
    "$root"/sys/* "$root"/run/* "$root"/tmp/* "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old
}

# docker save layout: manifest.json, the config, one gzipped layer; fixed times keep the digests stable
save_image() {
  local root=$1 dir=$2
  tar --numeric-owner --sort=name --mtime=@0 --xattrs -C "$root" -cf "$dir/layer.tar" .
  local diff_id
  diff_id=sha256:$(sha256sum "$dir/layer.tar" | cut -d' ' -f1)
  gzip -n -1 "$dir/layer.tar"
  cat >"$dir/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"$uid:$uid","WorkingDir":"/",
  "Env":["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
  "Labels":{"dev.shoal.base.recipe":"$recipe","dev.shoal.base.debian":"$suite"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"debootstrap --variant=minbase $suite; jlink $modules"}]}
JSON
  echo "[{\"Config\":\"config.json\",\"RepoTags\":[\"shoal/base:$recipe\"],\"Layers\":[\"layer.tar.gz\"]}]" \
    >"$dir/manifest.json"
  tar --sort=name --mtime=@0 -C "$dir" -cf "$dir/image.tar.part" manifest.json config.json layer.tar.gz
}

if [[ ! -f $cache/image.tar ]]; then
  command -v debootstrap >/dev/null \
    || { echo "debootstrap builds the base image (once per recipe): apt-get install debootstrap" >&2; exit 1; }
  [[ -x $jdk/bin/jlink ]] || { echo "no jlink in $jdk: set SHOAL_BASE_JDK to a JDK 17" >&2; exit 1; }
  echo "building base image $recipe into $cache (debootstrap $suite from $mirror, a few minutes)"
  mkdir -p "$cache"
  work=$(mktemp -d "$cache/build.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  build_root "$work/root"
  save_image "$work/root" "$work"
  mv "$work/image.tar.part" "$cache/image.tar"
fi
mkdir -p "$(dirname "$output")"
ln -f "$cache/image.tar" "$output" 2>/dev/null || cp "$cache/image.tar" "$output"
echo "base image $recipe: $output"
