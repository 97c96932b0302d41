package org.countygrid.customers.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import javax.ws.rs.GET;

import org.countygrid.customers.internal.CustomerRoles;
import org.countygrid.platform.api.security.RequiresRole;
import org.junit.jupiter.api.Test;

/** Every REST method declares the same roles the service enforces: reads for readers, writes for writers. */
class RolesDeclaredTest {

    @Test
    void everyResourceMethodDeclaresTheServiceRoles() {
        Stream.of(AccountResource.class, StationResource.class, AreaResource.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .forEach(m -> assertThat(declared(m)).as(m.getName())
                        .isEqualTo(m.isAnnotationPresent(GET.class) ? CustomerRoles.READ : CustomerRoles.WRITE));
    }

    @Test
    void theStationAndAreaMethodsAreAmongThoseChecked() {
        // guards the test above against passing because a resource lost its public methods
        assertThat(Stream.of(StationResource.class, AreaResource.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(RequiresRole.class)).map(Method::getName))
                .containsExactlyInAnyOrder("stations", "station", "add", "areas", "addArea", "area");
    }

    private static Set<String> declared(Method method) {
        RequiresRole roles = method.getAnnotation(RequiresRole.class);
        return roles == null ? Set.of() : Set.of(roles.value());
    }
}
