package io.ticketing.catalog.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search index lives.
 *
 * @param uris REST endpoints of the cluster, tried in turn when one does not answer
 * @param alias the alias searches and writes go through; rebuilds swap the index behind it
 * @param timeout connect and read timeout of one request
 */
@ConfigurationProperties("ticketing.elasticsearch")
public record ElasticsearchProperties(@DefaultValue("http://127.0.0.1:19200") List<URI> uris,
        @DefaultValue("shows") String alias, @DefaultValue("5s") Duration timeout) {
}
