package io.ticketing.catalog.search;

/** Elasticsearch did not answer, or answered with an error that is not the client's fault. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
