package io.ticketing.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.ticketing.gateway.access.AccessPolicy.Requirement;

class AccessPolicyTest {

    @Test
    void refusesEveryPathNoRuleNames() {
        for (String path : new String[] { "/internal/v1/dead-letters", "/internal/v1/sign-in-codes", "/administrator",
                "/apix/v1/cities", "/actuatorx", "/index.htm", "/apps/main.js", "/sharedx/api.js" }) {
            assertThat(AccessPolicy.requirementFor(path)).as(path).isEqualTo(Requirement.DENIED);
        }
    }

    @Test
    void asksEachKnownPathForWhatItNeeds() {
        assertThat(AccessPolicy.requirementFor("/v3/api-docs")).isEqualTo(Requirement.OPEN);
        assertThat(AccessPolicy.requirementFor("/actuator/health")).isEqualTo(Requirement.OPEN);
        assertThat(AccessPolicy.requirementFor("/api/v1/payments/webhooks/stripe")).isEqualTo(Requirement.OPEN);
        assertThat(AccessPolicy.requirementFor("/api/v1/sessions/challenges")).isEqualTo(Requirement.API_KEY);
        assertThat(AccessPolicy.requirementFor("/api/v1/sessions")).isEqualTo(Requirement.API_KEY);
        assertThat(AccessPolicy.requirementFor("/api/v1/sessions/current")).isEqualTo(Requirement.CUSTOMER);
        assertThat(AccessPolicy.requirementFor("/api/v1/admin/sessions")).isEqualTo(Requirement.ADMIN);
        assertThat(AccessPolicy.requirementFor("/api/v1/shows/s1/holds")).isEqualTo(Requirement.CUSTOMER);
        assertThat(AccessPolicy.requirementFor("/api/v1/shows/s1")).isEqualTo(Requirement.API_KEY);
        assertThat(AccessPolicy.requirementFor("/api/v1/shows/s1/queue")).isEqualTo(Requirement.CUSTOMER);
        assertThat(AccessPolicy.requirementFor("/api/v1/queue/t1")).isEqualTo(Requirement.CUSTOMER);
        assertThat(AccessPolicy.requirementFor("/api/v1/queue/t1/stream")).isEqualTo(Requirement.CUSTOMER);
        assertThat(AccessPolicy.requirementFor("/api/v1/admin/shows/s1/queue")).isEqualTo(Requirement.ADMIN);
    }

    @Test
    void opensTheWebAppsFilesToEveryoneButNotTheAdminApi() {
        for (String path : new String[] { "/", "/index.html", "/favicon.svg", "/web-config", "/app/main.js",
                "/shared/api.js", "/admin", "/admin/", "/admin/main.js", "/webjars/qr-creator/1.0.0/dist/x.js" }) {
            assertThat(AccessPolicy.requirementFor(path)).as(path).isEqualTo(Requirement.OPEN);
        }
        assertThat(AccessPolicy.requirementFor("/api/v1/admin/cities")).isEqualTo(Requirement.ADMIN);
    }
}
