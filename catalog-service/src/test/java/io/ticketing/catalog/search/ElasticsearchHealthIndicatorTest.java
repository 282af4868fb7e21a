package io.ticketing.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** What the catalog's {@code elasticsearch} health answers, and that it answers in time for a probe. */
class ElasticsearchHealthIndicatorTest {

    private final SearchIndex index = mock(SearchIndex.class);
    private final ElasticsearchHealthIndicator indicator = new ElasticsearchHealthIndicator(index);
    private final CountDownLatch clusterAnswers = new CountDownLatch(1);

    @AfterEach
    void releaseTheLookUp() {
        clusterAnswers.countDown();
    }

    @Test
    void isUpWhenTheAliasPointsAtAnIndex() {
        when(index.aliasedIndex()).thenReturn(Optional.of("shows-1"));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("index", "shows-1");
    }

    @Test
    void isDegradedWithoutAnIndexAndWhenElasticsearchFails() {
        when(index.alias()).thenReturn("shows");
        when(index.aliasedIndex()).thenReturn(Optional.empty())
                .thenThrow(new SearchUnavailableException("Elasticsearch did not answer (look up alias shows)", null));

        Health building = indicator.health();
        Health away = indicator.health();

        assertThat(building.getStatus()).isEqualTo(ElasticsearchHealthIndicator.DEGRADED);
        assertThat(building.getDetails()).containsEntry("error", "no index behind alias shows yet");
        assertThat(away.getStatus()).isEqualTo(ElasticsearchHealthIndicator.DEGRADED);
        assertThat(away.getDetails()).containsEntry("error", "Elasticsearch did not answer (look up alias shows)");
    }

    /** A cluster that takes the whole request timeout (5 s) would hold the readiness probe past its own (3 s). */
    @Test
    void answersDegradedWhenElasticsearchTakesLongerThanASecond() {
        when(index.aliasedIndex()).thenAnswer(invocation -> {
            clusterAnswers.await();
            return Optional.of("shows-1");
        });

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(ElasticsearchHealthIndicator.DEGRADED);
        assertThat(health.getDetails()).containsEntry("error", "no answer within 1000 ms");
    }
}
