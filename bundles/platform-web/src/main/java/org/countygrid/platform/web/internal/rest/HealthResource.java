package org.countygrid.platform.web.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.web.internal.health.FeatureInspector;
import org.countygrid.platform.web.internal.health.FeatureView;
import org.countygrid.platform.web.internal.health.Readiness;
import org.countygrid.platform.web.internal.health.ReadinessChecks;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /api/health, without login, for load balancers, scripts and the benchmark: 200 "UP" once every
 * installed CountyGrid feature is fully started, 503 "STARTING" (boot features still being installed) or
 * "NOT_READY" with what is missing before that. It answers
 * even before platform-data has registered the node identity.
 */
@Component(service = RestResource.class)
@Path("/health")
public final class HealthResource implements RestResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HealthReport(String status, String office, String officeName, String node, String version,
            List<String> features, List<String> notReady) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NodeIdentity node;

    /** Karaf registers it once every boot feature (all stages of featuresBoot) is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BootFinished bootFinished;

    private final FeatureInspector inspector;
    private final BundleContext context;

    @Activate
    public HealthResource(@Reference FeaturesService features, @Reference ServiceComponentRuntime scr, BundleContext context) {
        this.inspector = new FeatureInspector(features, scr, context);
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(RequiresRole.PUBLIC)
    public Response health() {
        NodeIdentity identity = node;
        // what the node waits for first (its database, say), then the components that wait because of it
        List<String> problems = new ArrayList<>(ReadinessChecks.blockers(context));
        if (identity == null) {
            problems.add("the node identity (platform-data) is not available yet");
        }
        List<FeatureView> features = List.of();
        try {
            features = inspector.installed();
        } catch (Exception e) {
            LOG.warn("Cannot read the installed features", e);
            problems.add("the installed features cannot be read");
        }
        if (bootFinished == null) {
            problems.add("the boot features are still being installed");
        }
        problems.addAll(Readiness.problems(features));
        boolean up = problems.isEmpty();
        // STARTING until Karaf has installed the boot features; NOT_READY afterwards (a database gone away from a node
        // that ran for hours is no start)
        HealthReport report = new HealthReport(up ? "UP" : bootFinished == null ? "STARTING" : "NOT_READY",
                identity != null ? identity.office().value() : null,
                identity != null ? identity.officeName() : null,
                identity != null ? identity.nodeName() : null,
                identity != null ? identity.version() : null,
                features.stream().map(FeatureView::name).toList(),
                up ? null : problems);
        return Response.status(up ? 200 : 503).entity(report).build();
    }
}
