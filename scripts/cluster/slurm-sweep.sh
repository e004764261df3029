#!/usr/bin/env bash
# A sweep as a Slurm job array: array task I trains slice I of N of the plan (`sweep --shard I/N`) into a folder of
# its own on a shared file system; `sweep merge` then combines the N folders into one sweep. Untested here beyond
# `sweep --shard` itself. Prepare the checkout once on the shared file system (scripts/setup.sh: data, native build,
# modules in the local Maven repository), then, from its root:
#
#   SHARDS=8 sbatch --array=1-8 scripts/cluster/slurm-sweep.sh --preset full
#   # when every array task has ended (a failed one can be resubmitted alone: sbatch --array=5 ...):
#   mvn -pl bench exec:java -Dexec.args="sweep merge results/sweeps/slurm-<array job id>/shard-*"
#
# Arguments are sweep options; every array task must get the same ones, or merge refuses the shards as different
# plans. A shard exits 3 when one of its runs failed; its other runs are kept, and merge names the missing runs.
#SBATCH --job-name=regbench-sweep
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --time=24:00:00
#SBATCH --output=regbench-sweep-%A_%a.log
set -euo pipefail
: "${SHARDS:?set SHARDS to the size of the array, e.g. SHARDS=8 sbatch --array=1-8 $0}"
: "${SLURM_ARRAY_TASK_ID:?submit as an array: sbatch --array=1-\$SHARDS $0}"
cd "${SLURM_SUBMIT_DIR:-.}"
out="${SWEEP_DIR:-results/sweeps/slurm-${SLURM_ARRAY_JOB_ID}}/shard-${SLURM_ARRAY_TASK_ID}/epochs.csv"
# -o: the array's tasks start together and must not all ask the registry for anything
exec mvn -B -q -o -pl bench exec:java -Dexec.args="sweep $* --shard ${SLURM_ARRAY_TASK_ID}/${SHARDS} --jobs ${SLURM_CPUS_PER_TASK:-1} --out ${out}"
