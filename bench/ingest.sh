#!/usr/bin/env bash
# Reading-ingest benchmark (issue 3): readings through ReadingService into H2 and/or PostgreSQL, and the same rows
# with a plain JDBC batch insert in the same run. See bench/README.md, "Reading ingest (issue 3)".
# Usage: bench/ingest.sh [h2|postgres|both] [readings] [channels]   (default: both 5000000 1)
# channels: how many AMI channels ingest at once, each with its own meters (e.g. 2, or 1,2,3 for one run each)
# Environment: MVN_FLAGS (e.g. -o), JAVA_OPTS (extra JVM flags, e.g. -XX:StartFlightRecording=filename=x.jfr),
# BENCH_OPTS (-Dbench.meters=20000 -Dbench.batch=5000 -Dbench.warmup=100000 -Dbench.postgres=127.0.0.1:5432 ...).
# PostgreSQL: the server at 127.0.0.1:5432, user postgres without a password (trust); the database
# countygrid_bench is dropped and created again. H2: a file database under bench/target/ingest/h2.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# the module and what it needs, built from this tree into target/ (nothing installed into ~/.m2)
mvn -B -q ${MVN_FLAGS:-} -pl bench/ingest -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="bench/ingest/target/classes:$(cat bench/ingest/target/classpath.txt)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the JVM flags of the distribution's bin/setenv
java -Xms128m -Xmx1g -XX:+UseG1GC -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20 -XX:G1PeriodicGCInterval=10000 \
    ${JAVA_OPTS:-} ${BENCH_OPTS:-} -cp "$CP" \
    org.countygrid.bench.ingest.ReadingIngestBench "${1:-both}" "${2:-5000000}" "${3:-1}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
