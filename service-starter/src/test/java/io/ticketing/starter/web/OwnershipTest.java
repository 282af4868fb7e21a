package io.ticketing.starter.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.starter.Ownership;

/** A customer's resource is served to that customer only; to anyone else it does not exist. */
class OwnershipTest {

    private static final UUID ANA = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    private static final UUID ANAS_HOLD = UUID.randomUUID();

    record Hold(UUID id, UUID customer) {
    }

    @RestController
    static class Holds {

        private final Map<UUID, Hold> holds = Map.of(ANAS_HOLD, new Hold(ANAS_HOLD, ANA));

        @GetMapping("/holds/{id}")
        Hold hold(@CurrentCustomer UUID customer, @PathVariable UUID id) {
            return Ownership.ownedBy(customer, Optional.ofNullable(holds.get(id)), Hold::customer, "HOLD_NOT_FOUND",
                    "Hold " + id);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Holds())
            .setCustomArgumentResolvers(new CurrentCustomerResolver())
            .setControllerAdvice(new ProblemDetailsAdvice())
            .build();

    @Test
    void servesTheOwner() throws Exception {
        mvc.perform(get("/holds/" + ANAS_HOLD).header(CurrentCustomerResolver.HEADER, ANA.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ANAS_HOLD.toString()));
    }

    @Test
    void answersAnotherCustomerAsIfItDidNotExist() throws Exception {
        String someoneElses = mvc.perform(get("/holds/" + ANAS_HOLD).header(CurrentCustomerResolver.HEADER, BEN.toString()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("HOLD_NOT_FOUND"))
                .andReturn().getResponse().getContentAsString();
        UUID missing = UUID.randomUUID();
        String nonexistent = mvc.perform(get("/holds/" + missing).header(CurrentCustomerResolver.HEADER, BEN.toString()))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(someoneElses.replace(ANAS_HOLD.toString(), "ID"))
                .isEqualTo(nonexistent.replace(missing.toString(), "ID"));
    }

    @Test
    void refusesARequestWithoutAVerifiedCustomer() throws Exception {
        mvc.perform(get("/holds/" + ANAS_HOLD))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("SESSION_REQUIRED"));
        mvc.perform(get("/holds/" + ANAS_HOLD).header(CurrentCustomerResolver.HEADER, "not-a-uuid"))
                .andExpect(status().isUnauthorized());
    }
}
