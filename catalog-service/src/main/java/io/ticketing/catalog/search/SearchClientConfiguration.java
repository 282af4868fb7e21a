package io.ticketing.catalog.search;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch Java client, over its low-level REST client, as {@link ElasticsearchProperties} describe the
 * cluster: every URI a node, a request that finds one down tried on the next; the timeout for connecting and for the
 * answer; an API key or a user's password; TLS that trusts the configured CA. The client is Spring Boot's (the 9.x
 * line) and the server 8.19 (ADR 6), so it asks for the REST API of version 8, which 8.x and 9.x servers both answer.
 */
@Configuration(proxyBeanMethods = false)
class SearchClientConfiguration {

    /** JSON as the REST API of version 8 reads and writes it, in place of the client's own version 9. */
    static final String COMPATIBLE_WITH_8 = "application/vnd.elasticsearch+json; compatible-with=8";

    @Bean
    ElasticsearchClient elasticsearchClient(ElasticsearchProperties properties, JsonMapper json) {
        Timeout timeout = Timeout.of(properties.timeout());
        Rest5ClientBuilder rest = Rest5Client.builder(properties.uris())
                .setConnectionConfigCallback(connection -> connection.setConnectTimeout(timeout))
                .setRequestConfigCallback(request -> request.setResponseTimeout(timeout));
        if (properties.authorization() != null) {
            rest.setDefaultHeaders(
                    new Header[] { new BasicHeader(HttpHeaders.AUTHORIZATION, properties.authorization()) });
        }
        if (properties.caCertificate() != null) {
            rest.setSSLContext(TrustedCertificates.sslContext(properties.caCertificate()));
        }
        return new ElasticsearchClient(new Rest5ClientTransport(rest.build(), new Jackson3JsonpMapper(json)))
                .withTransportOptions(options -> options.setHeader(HttpHeaders.ACCEPT, COMPATIBLE_WITH_8)
                        .setHeader(HttpHeaders.CONTENT_TYPE, COMPATIBLE_WITH_8));
    }
}
