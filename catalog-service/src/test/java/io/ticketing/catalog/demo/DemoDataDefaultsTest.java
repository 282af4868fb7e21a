package io.ticketing.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoDataDefaultsTest {

    private final DemoDataDefaults defaults = new DemoDataDefaults();

    @Test
    void refusesTheDemoCatalog() {
        assertThat(defaults.inEffect(new MockEnvironment().withProperty(DemoDataDefaults.ENABLED, "true"))).containsExactly(
                "ticketing.catalog.demo-data.enabled is true: the demo catalog is development data "
                        + "(TICKETING_CATALOG_DEMO_DATA_ENABLED=false)");
    }

    @Test
    void acceptsACatalogWithoutIt() {
        assertThat(defaults.inEffect(new MockEnvironment())).isEmpty();
        assertThat(defaults.inEffect(new MockEnvironment().withProperty(DemoDataDefaults.ENABLED, "false"))).isEmpty();
    }
}
