package org.countygrid.platform.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.util.Set;

import javax.security.auth.Subject;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.junit.jupiter.api.Test;

class SubjectCallerTest {

    /** Karaf's principals are told apart by their simple class names, as SubjectCaller reads them. */
    record UserPrincipal(String getName) implements Principal {
    }

    record RolePrincipal(String getName) implements Principal {
    }

    private static Subject subject(Principal... principals) {
        return new Subject(true, Set.of(principals), Set.of(), Set.of());
    }

    @Test
    void aUserOfOneOfficeIsACallerOfThatOffice() {
        Caller caller = SubjectCaller.from(subject(new UserPrincipal("wang"), new RolePrincipal("operator"),
                new RolePrincipal("office.QS")));

        assertThat(caller.user()).isEqualTo("wang");
        assertThat(caller.office()).isEqualTo(OfficeCode.of("QS"));
        assertThat(caller.hasAnyRole("operator")).isTrue();
    }

    @Test
    void aUserWithoutAnOfficeIsRefused() {
        assertThatThrownBy(() -> SubjectCaller.from(subject(new UserPrincipal("wang"), new RolePrincipal("operator"))))
                .isInstanceOf(Problem.class).hasMessageContaining("belongs to no office")
                .extracting(e -> ((Problem) e).status()).isEqualTo(403);
    }

    @Test
    void aUserOfTwoOfficesIsRefusedRatherThanGivenEitherAtRandom() {
        assertThatThrownBy(() -> SubjectCaller.from(subject(new UserPrincipal("wang"), new RolePrincipal("operator"),
                new RolePrincipal("office.QS"), new RolePrincipal("office.QT"))))
                .isInstanceOf(Problem.class).hasMessageContaining("more than one office")
                .extracting(e -> ((Problem) e).status()).isEqualTo(403);
    }

    @Test
    void aMisspeltOfficeRoleIsA403NamingTheRoleNotA400OnAFieldNobodySent() {
        Subject subject = subject(new UserPrincipal("cqlow"), new RolePrincipal("operator"), new RolePrincipal("office.qs"));

        assertThatThrownBy(() -> SubjectCaller.from(subject))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403))
                .hasMessage("user cqlow has the role office.qs, which names no office (a code of 2-12 upper-case letters"
                        + " or digits); an administrator must correct it");
    }

    @Test
    void noSubjectIsA401() {
        assertThatThrownBy(() -> SubjectCaller.from(null)).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).status()).isEqualTo(401);
    }
}
