package org.countygrid.platform.web.internal.rest;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI 3 document of the resources published right now. swagger-core's JAX-RS reader is given the
 * resource classes themselves: no class-path scanning, which finds nothing across bundles in OSGi.
 */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    public static String generate(Collection<Class<?>> resourceClasses, String version) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("CountyGrid API").version(version)
                        .description("REST API of one CountyGrid node. Errors are application/problem+json. "
                                + "Log in with HTTP Basic, or with POST /auth/login and the CG_SESSION cookie "
                                + "plus the X-CSRF-Token header on changes."))
                .servers(List.of(new Server().url("/api")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name(SessionCookie.NAME)))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Reader.class.getClassLoader());
        try {
            Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).readAllResources(true));
            OpenAPI api = reader.read(new LinkedHashSet<>(resourceClasses));
            OpenApiRoles.annotate(api, resourceClasses);
            return Json.pretty(api);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
