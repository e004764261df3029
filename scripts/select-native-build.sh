#!/usr/bin/env bash
# Picks the ND4J CPU build that matches this machine and records it in .mvn/maven.config (git-ignored), so that
# every later `mvn` call in this checkout uses it. Override: NATIVE_BUILD=linux-x86_64-avx2 scripts/select-native-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

choose() {
  local flags
  flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || true)
  has() { [[ " $flags " == *" $1 "* ]]; }
  if [[ "$(uname -m)" != "x86_64" || "$(uname -s)" != "Linux" ]]; then
    echo "linux-x86_64"   # the pom default; other platforms need -Dnd4j.classifier=<their platform>
  elif has avx512f && has avx512cd && has avx512bw && has avx512dq && has avx512vl; then
    echo "linux-x86_64-avx512"
  elif has avx2 && has fma; then
    echo "linux-x86_64-avx2"
  else
    echo "linux-x86_64"
  fi
}

build="${NATIVE_BUILD:-$(choose)}"
mkdir -p .mvn
tmp=$(mktemp .mvn/maven.config.XXXXXX)
echo "-Dnd4j.classifier=${build}" > "$tmp"
mv "$tmp" .mvn/maven.config
echo "ND4J native build: ${build} (written to .mvn/maven.config)"
