package org.countygrid.platform.web.internal.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid web",
        description = "The REST API under /api and the console's login sessions")
public @interface WebConfig {

    /** What each setting must be; a value that breaks it is not used, its default is (ConfigValues, WebSettings). */
    java.util.Map<String, org.countygrid.platform.api.config.ConfigValues.Rule> RULES = java.util.Map.of(
            "sessionIdleMinutes", org.countygrid.platform.api.config.ConfigValues.between(1, 1_440),
            "sessionMaxHours", org.countygrid.platform.api.config.ConfigValues.between(1, 168),
            "loginDelayMillis", org.countygrid.platform.api.config.ConfigValues.between(0, 10_000),
            "loginMaxFailures", org.countygrid.platform.api.config.ConfigValues.between(0, 100),
            "loginLockMinutes", org.countygrid.platform.api.config.ConfigValues.between(1, 1_440),
            "republishDelayMillis", org.countygrid.platform.api.config.ConfigValues.between(0, 60_000),
            "apiWaitMillis", org.countygrid.platform.api.config.ConfigValues.between(0, 60_000),
            "maxRequestKilobytes", org.countygrid.platform.api.config.ConfigValues.between(64, 1_048_576));

    String PID = "org.countygrid.platform.web";

    @AttributeDefinition(name = "Session idle minutes", min = "1",
            description = "A console session ends after this many minutes without a request from the user")
    int sessionIdleMinutes() default 15;

    @AttributeDefinition(name = "Session hours at most", min = "1",
            description = "A console session ends this many hours after its login however busy; log in again")
    int sessionMaxHours() default 12;

    @AttributeDefinition(name = "Failed login delay (ms)", min = "0",
            description = "How long a wrong password is held before the answer, to slow down guessing")
    int loginDelayMillis() default 500;

    @AttributeDefinition(name = "Failed logins before a lock", min = "0",
            description = "A login name is locked after this many wrong passwords in a row (0: never locked)")
    int loginMaxFailures() default 5;

    @AttributeDefinition(name = "Lock minutes", min = "1",
            description = "How long a locked login name is refused, the right password included; an admin can unlock "
                    + "it earlier with staff:user-unlock")
    int loginLockMinutes() default 15;

    @AttributeDefinition(name = "Always secure cookie",
            description = "Mark the session cookie Secure even on plain HTTP (set it when a TLS proxy forwards without X-Forwarded-Proto)")
    boolean secureCookie() default false;

    @AttributeDefinition(name = "Republish delay (ms)", min = "0",
            description = "Resources coming and going within this time are published together")
    int republishDelayMillis() default 250;

    @AttributeDefinition(name = "API wait (ms)", min = "0",
            description = "How long a request waits for the REST API while it starts or is rebuilt (a feature installed "
                    + "or removed) before it is answered 503 Service Unavailable")
    int apiWaitMillis() default 2000;

    @AttributeDefinition(name = "Largest request body (KB)", min = "1",
            description = "A request to /api with a larger body is answered 413 Payload Too Large before it is read whole "
                    + "(a module's own limits, such as photo sizes, are checked on what passes this)")
    int maxRequestKilobytes() default 16384;
}
