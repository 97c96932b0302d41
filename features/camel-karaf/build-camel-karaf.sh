#!/usr/bin/env bash
# Builds the camel-karaf OSGi bundles and features XML that the Maven repository reachable here does not
# serve, from the official source release (org.apache.camel.karaf:camel-karaf:<v>:zip:source-release), and
# installs them into the local Maven repository. Runs once per local repository: the build calls it every time,
# and it returns at once when the features XML (installed last) is there already.
set -euo pipefail
V="$1"              # camel-karaf version, e.g. 4.10.5
LOCAL_REPO="$2"     # the local Maven repository of the outer build
WORK="$3"           # scratch folder (target/ of this module)
if [[ -f "$LOCAL_REPO/org/apache/camel/karaf/apache-camel/$V/apache-camel-$V-features.xml" ]]; then
    echo "camel-karaf $V is in $LOCAL_REPO already"
    exit 0
fi
CENTRAL="${COUNTYGRID_CENTRAL_URL:-https://repo.maven.apache.org/maven2}"

mkdir -p "$WORK"
SETTINGS="$WORK/central-only-settings.xml"
# camel-karaf's pom lists a repository that is unreachable here: route everything to Central, for this
# inner build only (on the outer build such a mirror would also swallow file: repositories).
cat > "$SETTINGS" <<XML
<settings>
  <localRepository>$LOCAL_REPO</localRepository>
  <mirrors><mirror><id>central-only</id><mirrorOf>*</mirrorOf><url>$CENTRAL</url></mirror></mirrors>
</settings>
XML
MVN="mvn -B -s $SETTINGS -Dmaven.repo.local=$LOCAL_REPO"

$MVN -q dependency:get -Dartifact=org.apache.camel.karaf:camel-karaf:$V:zip:source-release -Dtransitive=false
SRC="$WORK/camel-karaf-$V"
rm -rf "$SRC"
unzip -q "$LOCAL_REPO/org/apache/camel/karaf/camel-karaf/$V/camel-karaf-$V-source-release.zip" -d "$WORK"
cd "$SRC"
# camel-eip-documentation-enricher-maven-plugin:$V is not served; 4.11.0 is, and it only enriches XSD docs.
sed -i '/<artifactId>camel-eip-documentation-enricher-maven-plugin<\/artifactId>/{n;s#<version>${camel-version}</version>#<version>4.11.0</version>#}' \
    components/camel-blueprint/pom.xml

# The components CountyGrid uses (core, YAML DSL, JSON, MQTT, Hazelcast, blueprint for integrators' XML).
COMPONENTS="camel-bean camel-browse camel-controlbus camel-dataformat camel-dataset camel-direct camel-file
 camel-language camel-log camel-mock camel-ref camel-rest camel-saga camel-scheduler camel-seda camel-stub
 camel-timer camel-validator camel-xpath camel-xslt camel-directvm camel-vm camel-blueprint camel-jackson
 camel-yaml-dsl camel-paho-mqtt5 camel-hazelcast"
PL=$(ls -d core/camel-* | tr '\n' ',')$(for c in $COMPONENTS; do printf 'components/%s,' "$c"; done)shell,tooling/camel-karaf-feature-maven-plugin
$MVN install -DskipTests -Dmaven.source.skip=true -Dmaven.javadoc.skip=true -Drat.skip=true -Dcheckstyle.skip=true \
    -pl "$PL" -am

# The features XML: filter the template and fill in ${auto-detect-version} with camel-karaf's own plugin;
# features whose bundles were not built above keep their placeholders and are never installed.
P=org.apache.camel.karaf:camel-karaf-feature-maven-plugin:$V
$MVN -f features/pom.xml resources:resources \
    $P:auto-detect-version@default $P:ensure-wrap-bundle-version@default \
    $P:ensure-wrap-bundle-name@default $P:configure-wrap-spi-provider@default
# camel-features.xml names spring-features.xml as a repository: install both, the features XML last, since
# its presence is what marks this step done
$MVN -q install:install-file -Dfile=features/target/feature/spring-features.xml \
    -DgroupId=org.apache.camel.karaf -DartifactId=apache-camel -Dversion=$V -Dclassifier=spring-features -Dpackaging=xml \
    -DgeneratePom=true
$MVN -q install:install-file -Dfile=features/target/feature/camel-features.xml \
    -DgroupId=org.apache.camel.karaf -DartifactId=apache-camel -Dversion=$V -Dclassifier=features -Dpackaging=xml \
    -DgeneratePom=true
echo "camel-karaf $V installed into $LOCAL_REPO"
