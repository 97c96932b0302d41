package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

import org.countygrid.platform.api.security.RequiresRole;
import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityRequirement;

class OpenApiRolesTest {

    @Path("/customers/accounts/")
    static class Accounts {
        @GET
        @RequiresRole({ "operator", "auditor" })
        public String search() {
            return "";
        }

        @POST
        @Path("{number: \\d+}/close")
        @RequiresRole("operator")
        public String close() {
            return "";
        }

        @GET
        @Path("/count")
        @RequiresRole(RequiresRole.PUBLIC)
        public String count() {
            return "";
        }
    }

    @Test
    void pathsAreWrittenAsSwaggerWritesThem() throws Exception {
        assertThat(OpenApiRoles.path("/customers/accounts/", null)).isEqualTo("/customers/accounts");
        assertThat(OpenApiRoles.path("customers", Accounts.class.getMethod("close").getAnnotation(Path.class)))
                .isEqualTo("/customers/{number}/close");
    }

    @Test
    void eachOperationCarriesItsRolesAndPublicOnesNeedNoLogin() {
        Operation search = new Operation();
        Operation close = new Operation();
        Operation count = new Operation().security(List.of(new SecurityRequirement().addList("basic")));
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/customers/accounts", new PathItem().get(search))
                .addPathItem("/customers/accounts/{number}/close", new PathItem().post(close))
                .addPathItem("/customers/accounts/count", new PathItem().get(count)));

        OpenApiRoles.annotate(api, List.of(Accounts.class));

        assertThat(search.getExtensions()).containsEntry(OpenApiRoles.EXTENSION, List.of("operator", "auditor"));
        assertThat(close.getDescription()).isEqualTo("Needs one of the roles: operator.");
        assertThat(count.getSecurity()).isEmpty();
    }
}
