#!/usr/bin/env bash
# Writes the model fixtures in examples/models/ that README's examples and the tests use:
#   mlp-dropout.h5, cnn-dropout.h5, branch-dropout.h5,
#   unsupported-layer.h5                                    Keras 2 HDF5 files, by scripts/keras_fixtures.py (h5py)
#   mlp-dl4j.zip, cnn-dl4j.zip, graph-dl4j.zip,
#   skip-dl4j.zip                                           DL4J ModelSerializer files, by Dl4jFixtures (model-zoo tests)
#   blobs-mlp.zip and examples/data/blobs.csv               sweep --data's fixtures, by CsvFixtures (model-zoo tests)
# The files are committed: neither the build nor CI runs this script, and neither needs h5py.
# Needs Debian's python3-h5py (installed here with apt-get when missing) and Maven with the project's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
out=examples/models
mkdir -p "$out"

python=/usr/bin/python3
if ! "$python" -c 'import h5py' 2>/dev/null; then
    echo "installing Debian's python3-h5py (Keras itself is not needed)"
    apt-get install -y python3-h5py
fi
"$python" scripts/keras_fixtures.py "$out"

mvn -q ${MAVEN_ARGS:-} -pl modules/model-zoo test-compile exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=org.regbench.zoo.file.Dl4jFixtures -Dexec.args="$PWD/$out"
mvn -q ${MAVEN_ARGS:-} -pl modules/model-zoo exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=org.regbench.zoo.file.CsvFixtures -Dexec.args="$PWD"
ls -l "$out" examples/data
