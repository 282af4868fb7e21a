package io.ticketing.catalog.search;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search index lives, and how to reach a secured cluster (ECK, Elastic Cloud): an API key, or a user and
 * password, and for {@code https} URIs the CA that signed the cluster's certificate when the JDK's do not know it.
 *
 * @param uris REST endpoints of the cluster, tried in turn when one does not answer
 * @param alias the alias searches and writes go through; rebuilds swap the index behind it
 * @param timeout connect and read timeout of one request
 * @param apiKey an API key (the encoded form Elasticsearch returns), sent as {@code Authorization: ApiKey}
 * @param username with {@code password}: basic authentication, when no API key is set
 * @param password the user's password
 * @param caCertificate a PEM file with the certificate(s) to trust for TLS instead of the JDK's
 */
@ConfigurationProperties("ticketing.elasticsearch")
public record ElasticsearchProperties(@DefaultValue("http://127.0.0.1:19200") List<URI> uris,
        @DefaultValue("shows") String alias, @DefaultValue("5s") Duration timeout, String apiKey, String username,
        String password, Path caCertificate) {

    /** The {@code Authorization} header's value, or {@code null} for an open cluster. */
    public String authorization() {
        if (apiKey != null && !apiKey.isBlank()) {
            return "ApiKey " + apiKey;
        }
        if (username != null && !username.isBlank()) {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + (password == null ? "" : password))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
