package org.countygrid.platform.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Set;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.web.internal.security.AccessPolicy.Verdict;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Caller OPERATOR = new Caller("li", OfficeCode.of("QS"), Set.of("operator"));
    private static final Caller AUDITOR = new Caller("zhao", OfficeCode.of("QS"), Set.of("auditor"));

    static class Plain {
        public void forgotten() {
        }

        @RequiresRole({ "operator", "admin" })
        public void change() {
        }

        @RequiresRole(RequiresRole.PUBLIC)
        public void open() {
        }
    }

    @RequiresRole("auditor")
    static class Annotated {
        public void read() {
        }

        @RequiresRole("admin")
        public void wipe() {
        }
    }

    static class Inheriting extends Annotated {
    }

    @Test
    void aMethodWithoutAnyAnnotationIsRefusedEvenToAdmins() throws Exception {
        String[] required = AccessPolicy.requiredRoles(method(Plain.class, "forgotten"), Plain.class);

        assertThat(required).isNull();
        assertThat(AccessPolicy.decide(required, new Caller("root", OfficeCode.of("QS"), Set.of("admin"))))
                .isEqualTo(Verdict.UNDECLARED);
    }

    @Test
    void theMethodsRolesDecide() throws Exception {
        String[] required = AccessPolicy.requiredRoles(method(Plain.class, "change"), Plain.class);

        assertThat(AccessPolicy.decide(required, OPERATOR)).isEqualTo(Verdict.ALLOW);
        assertThat(AccessPolicy.decide(required, AUDITOR)).isEqualTo(Verdict.FORBIDDEN);
        assertThat(AccessPolicy.decide(required, null)).isEqualTo(Verdict.UNAUTHENTICATED);
    }

    @Test
    void publicNeedsNoLogin() throws Exception {
        String[] required = AccessPolicy.requiredRoles(method(Plain.class, "open"), Plain.class);

        assertThat(AccessPolicy.isPublic(required)).isTrue();
        assertThat(AccessPolicy.decide(required, null)).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void theClassAnnotationCoversItsMethodsAndTheMethodAnnotationWins() throws Exception {
        assertThat(AccessPolicy.requiredRoles(method(Annotated.class, "read"), Annotated.class)).containsExactly("auditor");
        assertThat(AccessPolicy.requiredRoles(method(Annotated.class, "wipe"), Annotated.class)).containsExactly("admin");
        assertThat(AccessPolicy.decide(AccessPolicy.requiredRoles(method(Annotated.class, "wipe"), Annotated.class), AUDITOR))
                .isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void anInheritedMethodUsesTheDeclaringClasssAnnotation() throws Exception {
        Method read = Inheriting.class.getMethod("read");

        assertThat(AccessPolicy.requiredRoles(read, Inheriting.class)).containsExactly("auditor");
    }

    @Test
    void noMethodMeansNoRoles() {
        assertThat(AccessPolicy.requiredRoles(null, Plain.class)).isNull();
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }
}
