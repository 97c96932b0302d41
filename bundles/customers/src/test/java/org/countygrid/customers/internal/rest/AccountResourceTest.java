package org.countygrid.customers.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import javax.ws.rs.core.Response;

import org.countygrid.customers.AccountView;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.customers.internal.FakeCustomerService;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.CurrentCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resource's own work: parsing paths, query parameters and versions, and shaping responses. */
class AccountResourceTest {

    private static final Caller OPERATOR = new Caller("zhang", OfficeCode.of("QS"), Set.of("operator"));

    private final FakeCustomerService customers = new FakeCustomerService();
    private final AccountResource resource = new AccountResource(customers);

    @BeforeEach
    void login() {
        CurrentCaller.set(OPERATOR);
    }

    @AfterEach
    void logout() {
        CurrentCaller.clear();
    }

    @Test
    void passesTheCurrentCallerAndTagsTheAccountWithItsVersion() {
        Response response = resource.get("3101000001");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntityTag().getValue()).isEqualTo("1");
        assertThat(((AccountView) response.getEntity()).name()).isEqualTo("王建国");
        assertThat(customers.callers).containsExactly(OPERATOR);
    }

    @Test
    void aMalformedNumberIsABadRequestForTheNumberField() {
        assertThatThrownBy(() -> resource.get("31010"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.status()).isEqualTo(400))
                .satisfies(e -> assertThat(((ValidationException) e).byField()).containsKey("number"));
        assertThat(customers.callers).isEmpty();
    }

    @Test
    void nonNumericPagingIsABadRequestNotA404() {
        assertThatThrownBy(() -> resource.search("王", "0", "ten"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("limit"));
        resource.search("王", null, "");
        assertThat(customers.commands).containsExactly("search 王 0 0");
    }

    @Test
    void anExplicitLimitOfZeroIsRefusedNotTakenForTheDefault() {
        for (String limit : new String[] { "0", "-5", " 0 " }) {
            assertThatThrownBy(() -> resource.search("王", "0", limit)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.byField()).containsEntry("limit", "must be at least 1"));
        }
        assertThat(customers.commands).isEmpty();
        resource.search("王", "0", "1");
        assertThat(customers.commands).containsExactly("search 王 0 1");
    }

    @Test
    void openingAnswers201WithTheLocationOfTheAccount() {
        Response response = resource.open(new NewAccount("3101000009", "青山超市", "城关镇人民路1号", "13812345678",
                Category.COMMERCIAL, VoltageLevel.V380, null, "CG-001"));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).endsWith("customers/accounts/3101000009");
    }

    @Test
    void ifMatchWinsOverTheBodyVersion() {
        resource.change("3101000001", "\"7\"", update(3L));
        resource.change("3101000001", null, update(3L));
        resource.change("3101000001", "*", update(null));

        assertThat(customers.commands).containsExactly("change 3101000001 OptionalLong[7]",
                "change 3101000001 OptionalLong[3]", "change 3101000001 OptionalLong.empty");
    }

    @Test
    void aMalformedIfMatchIsABadRequest() {
        assertThatThrownBy(() -> resource.change("3101000001", "\"seven\"", update(null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("If-Match"));
        // a negative version was a 409 "changed meanwhile" (probe): it is no version the account ever had
        assertThatThrownBy(() -> resource.change("3101000001", "\"-5\"", update(null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("If-Match"));
        assertThatThrownBy(() -> resource.change("3101000001", null, update(-5L)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("version"));
    }

    @Test
    void aChangeWithoutTheImportantUserClassIsRefusedNotTakenForNone() {
        // a client that does not know the field must not clear a hospital's class by leaving it out
        AccountUpdate unaware = new AccountUpdate("县人民医院", "城关镇人民路1号", "07363000120", Category.COMMERCIAL,
                VoltageLevel.KV10, null, "CG-001", 3L);
        assertThatThrownBy(() -> resource.change("3101000001", null, unaware))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("importantClass"));
        assertThat(customers.commands).isEmpty();
    }

    @Test
    void closingWithoutABodyReachesTheServiceWithoutAReason() {
        resource.close("3101000001", null, null);

        assertThat(customers.commands).containsExactly("close 3101000001 null version none");
    }

    @Test
    void closingTakesTheVersionFromIfMatchBeforeTheBody() {
        resource.close("3101000001", "\"7\"", new CloseRequest("迁出", 5L));
        resource.close("3101000001", null, new CloseRequest("迁出", 5L));

        assertThat(customers.commands).containsExactly("close 3101000001 迁出 version 7", "close 3101000001 迁出 version 5");
    }

    private static AccountUpdate update(Long version) {
        return new AccountUpdate("王建国", "城关镇人民路18号", "13812345678", Category.RESIDENTIAL, VoltageLevel.V220,
                ImportantUserClass.NONE, "CG-001", version);
    }
}
