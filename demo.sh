#!/usr/bin/env bash
# The README's main command: builds the driver, athena-local and the demo (tests are neither compiled nor run:
# that is the job of "mvn verify"), then runs the demo.
# Arguments go to the demo (try --help, --shell, --url). Extra Maven flags (e.g. -o) may be given in
# DEMO_MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")"

# The demo talks to athena-local on 127.0.0.1 only: keep the AWS SDK away from the instance metadata address.
export AWS_EC2_METADATA_DISABLED=true

echo "building the driver, athena-local and the demo (mvn install -pl examples -am)..." >&2
# Maven's output is shown only when the build fails, so that the demo's own output stays readable.
build_log="$(mktemp)"
# shellcheck disable=SC2086 # DEMO_MAVEN_ARGS is a list of flags
if ! mvn -q -B -ntp -Dmaven.test.skip=true ${DEMO_MAVEN_ARGS:-} install -pl examples -am >"$build_log" 2>&1; then
    cat "$build_log" >&2
    rm -f "$build_log"
    echo "demo.sh: the build failed (output above)" >&2
    exit 1
fi
rm -f "$build_log"

# --enable-native-access: athena-local's DuckDB loads a native library, which JDK 24+ warns about otherwise.
exec java --enable-native-access=ALL-UNNAMED -Daws.disableEc2Metadata=true -cp 'examples/target/classes:examples/target/lib/*' \
    ai.connecty.athena.examples.Demo "$@"
