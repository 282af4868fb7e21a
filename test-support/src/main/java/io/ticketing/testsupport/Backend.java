package io.ticketing.testsupport;

import io.ticketing.testsupport.TestInfrastructure.Elasticsearch;
import io.ticketing.testsupport.TestInfrastructure.Kafka;
import io.ticketing.testsupport.TestInfrastructure.Postgres;
import io.ticketing.testsupport.TestInfrastructure.Redis;

/** Where the test infrastructure comes from: Docker containers or embedded servers. */
interface Backend {

    String description();

    Postgres startPostgres();

    Redis startRedis();

    Kafka startKafka();

    Elasticsearch startElasticsearch();

    /** Redis starts over empty, as after a restart without persistence; clients reconnect to the same port. */
    void restartRedisEmpty();

    /** Stops everything started so far (services' order: search, cache, broker, database). */
    void stopAll();
}
