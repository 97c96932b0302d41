package org.countygrid.platform.web.internal.security;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.RequiresRole;

/** Who may call a resource method: what its {@link RequiresRole} says, and nobody when it says nothing. */
public final class AccessPolicy {

    public enum Verdict {
        ALLOW,
        /** No (valid) login, and the method needs one. */
        UNAUTHENTICATED,
        /** Logged in, without any of the roles. */
        FORBIDDEN,
        /** The method declares no roles: refused, so a forgotten annotation never opens an endpoint. */
        UNDECLARED
    }

    private AccessPolicy() {
    }

    /**
     * The roles declared for a method: its own annotation, else its class's, else the resource class's (the
     * method may be inherited); null when there is none.
     */
    public static String[] requiredRoles(Method method, Class<?> resourceClass) {
        if (method == null) {
            return null;
        }
        RequiresRole annotation = method.getAnnotation(RequiresRole.class);
        if (annotation == null) {
            annotation = method.getDeclaringClass().getAnnotation(RequiresRole.class);
        }
        if (annotation == null && resourceClass != null) {
            annotation = resourceClass.getAnnotation(RequiresRole.class);
        }
        return annotation == null ? null : annotation.value();
    }

    public static boolean isPublic(String[] required) {
        return required != null && Arrays.asList(required).contains(RequiresRole.PUBLIC);
    }

    /** {@code caller} is null when the request carries no valid login. */
    public static Verdict decide(String[] required, Caller caller) {
        if (required == null) {
            return Verdict.UNDECLARED;
        }
        if (isPublic(required)) {
            return Verdict.ALLOW;
        }
        if (caller == null) {
            return Verdict.UNAUTHENTICATED;
        }
        return caller.hasAnyRole(required) ? Verdict.ALLOW : Verdict.FORBIDDEN;
    }
}
