package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseDescriptionTest {

    @Test
    void passwordsInUrlsAreHidden() {
        assertThat(DatabaseDescription.withoutPassword("jdbc:postgresql://db:5432/countygrid?user=cg&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/countygrid?user=cg&password=***&ssl=true");
        assertThat(DatabaseDescription.withoutPassword("jdbc:h2:file:/srv/data/h2/countygrid;PASSWORD=s3cret"))
                .isEqualTo("jdbc:h2:file:/srv/data/h2/countygrid;PASSWORD=***");
        assertThat(DatabaseDescription.withoutPassword("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        StringBuilder driverList = new StringBuilder("jdbc:postgresql://127.0.0.1:5432/countygrid?password=s3cret");
        for (int i = 0; i < 60; i++) {
            driverList.append("&property").append(i).append("=value");
        }
        assertThat(DatabaseDescription.withoutPassword(driverList.toString())).as("PostgreSQL's URL with every property")
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/countygrid (and 61 connection properties)");
    }
}
