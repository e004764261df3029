#!/usr/bin/env bash
# The test command: what CI runs. Sets up what the tests need, runs every module's tests, and checks that the
# cuda profile still compiles (no GPU is needed for that).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/select-native-build.sh
scripts/fetch-datasets.sh
scripts/install-chromium.sh
mvn -B -Pcuda -DskipTests -q test-compile
mvn -B install
