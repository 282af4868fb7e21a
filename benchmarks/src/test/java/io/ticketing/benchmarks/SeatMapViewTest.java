package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class SeatMapViewTest {

    private static final String SEAT_MAP = """
            {"showId": "s1", "rows": [
              {"row": "A", "seats": [
                {"seatId": "A1", "number": 1, "type": "PREMIUM", "price": 18, "currency": "EUR", "status": "HELD",
                 "aisleAfter": false, "heldByYou": true},
                {"seatId": "A2", "number": 2, "type": "PREMIUM", "price": 18, "currency": "EUR", "status": "AVAILABLE",
                 "aisleAfter": true},
                {"seatId": "A3", "number": 3, "type": "PREMIUM", "price": 18, "currency": "EUR", "status": "SOLD"}]},
              {"row": "B", "seats": [
                {"seatId": "B1", "number": 1, "type": "REGULAR", "price": 12.5, "currency": "EUR", "status": "AVAILABLE"}]}
            ]}""";

    @Test
    void readsTheSeatMapOfTheApi() {
        SeatMapView view = SeatMapView.from(JsonMapper.builder().build().readTree(SEAT_MAP));

        assertThat(view.seatCount()).isEqualTo(4);
        assertThat(view.availableCount()).isEqualTo(2);
        assertThat(view.statuses()).containsExactly(java.util.Map.entry("A1", "HELD"),
                java.util.Map.entry("A2", "AVAILABLE"), java.util.Map.entry("A3", "SOLD"),
                java.util.Map.entry("B1", "AVAILABLE"));
        assertThat(view.heldByYou()).containsExactly("A1");
        assertThat(view.rows().getFirst().seats().get(1).aisleAfter()).isTrue();
    }

    @Test
    void marksTheSeatsACustomerJustHeldAsTaken() {
        SeatMapView view = SeatMaps.map("....");

        SeatMapView after = view.taken(List.of("A2", "A3"));

        assertThat(after.availableCount()).isEqualTo(2);
        assertThat(after.heldByYou()).containsExactlyInAnyOrder("A2", "A3");
        assertThat(view.availableCount()).isEqualTo(4);
    }
}
