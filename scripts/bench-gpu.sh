#!/usr/bin/env bash
# Runs the JMH harness on an NVIDIA GPU with the CUDA 11.6 backend.
#
# Needs: an NVIDIA driver that supports CUDA 11.6 (R510 or newer) and either CUDA 11.6 + cuDNN 8.3 installed, or
# REDIST=1 to take NVIDIA's libraries from Maven (org.bytedeco:cuda-platform-redist, about 3 GB).
# CUDNN=1 uses ND4J's cuDNN build and turns on DL4J's cuDNN helpers.
# Any arguments are passed to `bench`, e.g.: scripts/bench-gpu.sh --preset full --batch 512
set -euo pipefail
cd "$(dirname "$0")/.."

command -v nvidia-smi >/dev/null 2>&1 || { echo "bench-gpu: no nvidia-smi: this machine has no NVIDIA driver" >&2; exit 2; }
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader

profiles="cuda"
[[ "${REDIST:-0}" == "1" ]] && profiles="cuda,cuda-redist"
props=()
if [[ "${CUDNN:-0}" == "1" ]]; then
  props+=("-Dnd4j.cuda.classifier=linux-x86_64-cudnn" "-Dorg.eclipse.deeplearning4j.helpers.disable=false")
fi

mvn -B -q -P"$profiles" "${props[@]}" install -DskipTests
mvn -B -q -P"$profiles" "${props[@]}" -pl bench exec:java -Dexec.args="bench $*"
