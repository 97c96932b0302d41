package org.countygrid.platform.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles of which the caller needs at least one. Every REST method carries it (platform-web refuses a
 * resource method without it); {@link #PUBLIC} marks the few that need no login.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RequiresRole {

    String PUBLIC = "*public*";

    String[] value();
}
