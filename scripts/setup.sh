#!/usr/bin/env bash
# Sets up a fresh checkout: the ND4J build for this CPU, the offline data sets, and the modules installed in the
# local Maven repository (so that `mvn -pl bench exec:java` finds them).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/select-native-build.sh
scripts/fetch-datasets.sh
mvn -B -q install -DskipTests
echo "Set up. Run: mvn -pl bench exec:java"
