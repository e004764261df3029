#!/usr/bin/env bash
# Measures how often `compare` calls an unchanged commit slower or faster on this machine: one baseline run with
# several forks, then repeated runs of the same commit, each compared with the baseline (and, for contrast, the
# one-fork runs with each other). Prints the verdict counts; every run file and comparison is kept in OUT.
#
#   scripts/check-false-positives.sh [OUT_DIR] [REPEATS]
#
# The plan is the quick preset (override with BENCH_ARGS, e.g. "--models mlp --phases train-step"); with it and 3
# repeats this takes about 35 minutes on 2 cores. The 5-fork run is also what `baseline save` should be given.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-results/false-positives/$(date -u +%Y%m%dT%H%M%SZ)}
repeats=${2:-3}
plan=${BENCH_ARGS:-}
mkdir -p "$out"
run() { mvn -q -pl bench exec:java -Dexec.args="$*"; }

run bench $plan --forks 5 --no-compare --out "$out/baseline-5forks.csv"
for i in $(seq 1 "$repeats"); do
  run bench $plan --forks 1 --no-compare --out "$out/run$i-1fork.csv"
done

compare() { # name baseline current
  set +e
  run compare "$2" "$3" --report "$out/$1.md" > "$out/$1.txt" 2>&1
  rc=$?
  echo "$1: exit $rc, $(grep -E '^[0-9]+ benchmarks:' "$out/$1.txt")"
  set -e
}
{
  for i in $(seq 1 "$repeats"); do compare "baseline-vs-run$i" "$out/baseline-5forks.csv" "$out/run$i-1fork.csv"; done
  for i in $(seq 2 "$repeats"); do compare "run1-vs-run$i" "$out/run1-1fork.csv" "$out/run$i-1fork.csv"; done
  compare "5forks-vs-itself" "$out/baseline-5forks.csv" "$out/baseline-5forks.csv"
} | tee "$out/summary.txt"
