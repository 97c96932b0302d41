package org.countygrid.platform.integration.internal.route;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RoutesDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesBuilderLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.xml.in.ModelParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the content of a route file into a RoutesBuilder: {@code *.yaml}/{@code *.yml} with Camel's YAML DSL,
 * {@code *.xml} with camel-xml-io's parser ({@code <routes>} or {@code <route>} root, without namespace or in
 * {@code http://camel.apache.org/schema/spring}). camel-xml-io-dsl is not part of camel-karaf, hence the parser.
 */
public class RouteFileParser {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileParser.class);

    private final CamelContext camel;
    private RoutesBuilderLoader yamlLoader;

    public RouteFileParser(CamelContext camel) {
        this.camel = camel;
    }

    public static boolean isRouteFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".xml"));
    }

    /**
     * YAML DSL entries a route file may not hold at its top: a route configuration or an error handler there applies
     * to every route of the node (the modules' wirings too) and can make their failures count as handled, so the relay
     * never holds them and their events are lost without a word; templates make no route until something
     * instantiates them ({@link #refusal}).
     */
    private static final Pattern NODE_WIDE = Pattern.compile(
            "(?m)^\\s*-\\s+(routeConfiguration|route-configuration|routeTemplate|route-template|templatedRoute|templated-route"
                    + "|errorHandler|error-handler)\\s*:");

    /** Parses without touching the context; the builder's routes are checked when it is configured. */
    public RoutesBuilder parse(Path file, byte[] content) throws Exception {
        String text = utf8(content);
        if (blank(text)) {
            return new RouteBuilder() { // emptied, or every route commented out: the file has no routes now
                @Override
                public void configure() {
                }
            };
        }
        Resource resource = ResourceHelper.fromBytes("file:" + file.toAbsolutePath(), content);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return xml(resource);
        }
        Matcher nodeWide = NODE_WIDE.matcher(text);
        if (nodeWide.find()) {
            throw new IllegalArgumentException(refusal(nodeWide.group(1)));
        }
        return yamlLoader().loadRoutesBuilder(resource);
    }

    /** Why a top-level entry of {@link #NODE_WIDE} is refused, in the integrator's words. */
    private static String refusal(String entry) {
        String handleInRoute = "; handle errors in your route (onException in this file, or doTry)";
        return switch (entry.replace("-", "").toLowerCase(Locale.ROOT)) {
            case "routeconfiguration" -> entry + " is not taken from the routes folder: a route configuration applies to"
                    + " every route of the node, the modules' wirings included, and its onException would hide their"
                    + " failures from the event relay" + handleInRoute;
            case "errorhandler" -> entry + " at the top of a file is not taken from the routes folder: it becomes the"
                    + " error handler of every route created after it on the node, the modules' wirings included, and"
                    + " stays after the file is deleted; a dead letter channel there hides their failures from the event"
                    + " relay" + handleInRoute;
            default -> entry + " is not taken from the routes folder: a template makes no route by itself; write the"
                    + " route out";
        };
    }

    /** Nothing but blanks, YAML comments ({@code #}) and XML comments. */
    static boolean blank(String text) {
        String rest = text.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?m)^\\s*#.*$", "");
        return rest.isBlank();
    }

    /** The file's text; a file not in UTF-8 (saved as GBK, say) is refused rather than read with its Chinese garbled. */
    static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the file is not UTF-8 (saved as GBK, GB18030 or UTF-16?); save it as UTF-8");
        }
    }

    private RoutesBuilder xml(Resource resource) throws Exception {
        RoutesDefinition parsed = new ModelParser(resource).parseRoutesDefinition().orElseThrow(
                () -> new IllegalArgumentException("the root element must be <routes> or <route>, without namespace or in "
                        + "http://camel.apache.org/schema/spring"));
        RouteBuilder builder = new RouteBuilder() {
            @Override
            public void configure() {
                for (RouteDefinition route : parsed.getRoutes()) {
                    CamelContextAware.trySetCamelContext(route, getContext());
                    getRouteCollection().route(route);
                }
            }
        };
        builder.setResource(resource);
        return builder;
    }

    private synchronized RoutesBuilderLoader yamlLoader() throws Exception {
        if (yamlLoader == null) {
            yamlLoader = PluginHelper.getRoutesLoader(camel).getRoutesLoader("yaml");
        }
        if (yamlLoader == null) {
            // the factory finder did not see camel-yaml-dsl's service file: create the loader ourselves
            LOG.info("No YAML routes loader found through Camel's factory finder; using YamlRoutesBuilderLoader directly");
            YamlRoutesBuilderLoader loader = new YamlRoutesBuilderLoader();
            loader.setCamelContext(camel);
            loader.start();
            yamlLoader = loader;
        }
        return yamlLoader;
    }
}
