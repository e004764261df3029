#!/usr/bin/env bash
# The test command: what CI runs. Sets up what the tests need, runs every module's tests, and checks that the
# cuda profile still compiles (no GPU is needed for that).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/select-native-build.sh
scripts/fetch-datasets.sh
scripts/install-chromium.sh
# The cuda profile must keep compiling. Its backend jars are test/runtime-scoped, so `compile` needs no GPU
# binaries (600 MB); fetching the backend's main jar alone proves the coordinates still resolve.
mvn -B -Pcuda -q compile
mvn -B -q dependency:get -Dartifact=org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1 -Dtransitive=false
mvn -B install
# The optional torch engine (profile torch; libtorch and its JavaCPP/OpenBLAS, about 108 MiB of CPU-only jars that the
# default build above never resolves): its tests run DL4J and libtorch in one JVM on JavaCPP 1.5.13, and bench must
# still resolve and compile with the engine on its class path.
mvn -B -Ptorch -pl modules/engine-torch install
mvn -B -q -Ptorch -pl bench compile
# The optional Spark runner (profile spark; spark-core and Hadoop's client, about 100 MB of jars that the default build
# never resolves): its tests run the smoke sweep on the local runner and on embedded local[2] and compare every number,
# and check that a run failing once is retried and one failing twice is reported with exit 3.
mvn -B -Pspark -pl modules/sweep-spark install
