#!/bin/sh
# gfa's random forest against Smile's exact forest (gfa's before) and scikit-learn, one fold of the
# published alloys, one thread each, in one run (docs/benchmarks.md). Run from the checkout root.
# Usage: bench/forest_benchmark.sh [REFERENCE_DIR] [RUNS]
set -e
REF=${1:-../shared/reference}
RUNS=${2:-3}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
mvn -o -B -ntp -q -pl gfa-models -am test-compile
mvn -o -B -ntp -q -pl gfa-models dependency:build-classpath -Dmdep.outputFile=target/forest-cp.txt
CP=gfa-models/target/test-classes:gfa-models/target/classes:$(cat gfa-models/target/forest-cp.txt)
FOLDS=$(mktemp)
"$JAVA" -cp "$CP" gfa.models.learners.ForestBenchmark "$REF" both "$RUNS" "$FOLDS"
/usr/bin/python3 bench/forest_sklearn.py "$REF/gong2024/features_trainset_all.csv" "$FOLDS" "$RUNS"
rm -f "$FOLDS"
