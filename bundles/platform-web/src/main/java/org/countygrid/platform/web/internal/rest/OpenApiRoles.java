package org.countygrid.platform.web.internal.rest;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.countygrid.platform.web.internal.security.AccessPolicy;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

/**
 * Writes each operation's {@code @RequiresRole} into the document as {@code x-required-roles}, so an integrator
 * sees which role a call needs; public operations are marked as needing no login.
 */
final class OpenApiRoles {

    static final String EXTENSION = "x-required-roles";

    private OpenApiRoles() {
    }

    static void annotate(OpenAPI api, Collection<Class<?>> resourceClasses) {
        if (api.getPaths() == null) {
            return;
        }
        for (Class<?> type : resourceClasses) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                PathItem item = verb == null ? null : api.getPaths().get(path(root.value(), method.getAnnotation(Path.class)));
                Operation operation = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(verb));
                if (operation != null) {
                    describe(operation, AccessPolicy.requiredRoles(method, type));
                }
            }
        }
    }

    private static void describe(Operation operation, String[] roles) {
        if (roles == null) {
            operation.addExtension(EXTENSION, List.of());
            operation.setDescription(join(operation.getDescription(), "Refused: declares no required role."));
        } else if (AccessPolicy.isPublic(roles)) {
            operation.addExtension(EXTENSION, List.of());
            operation.setSecurity(List.of());
        } else {
            operation.addExtension(EXTENSION, Arrays.asList(roles));
            operation.setDescription(join(operation.getDescription(), "Needs one of the roles: " + String.join(", ", roles) + "."));
        }
    }

    private static String join(String existing, String added) {
        return existing == null || existing.isBlank() ? added : existing + "\n\n" + added;
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(m -> m != null)
                .map(m -> m.value().toUpperCase(Locale.ROOT))
                .findFirst().orElse(null);
    }

    /** As swagger-core writes paths: one slash between parts, no trailing slash, no regular expressions in templates. */
    static String path(String root, Path sub) {
        String joined = "/" + root + "/" + (sub == null ? "" : sub.value());
        String clean = joined.replaceAll("/+", "/").replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
        return clean.length() > 1 && clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
    }
}
