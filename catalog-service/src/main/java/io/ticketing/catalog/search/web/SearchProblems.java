package io.ticketing.catalog.search.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ticketing.catalog.search.SearchUnavailableException;

/** Search down is the platform's problem, not the client's: 503 with a hint when to retry. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchProblems {

    private static final Logger log = LoggerFactory.getLogger(SearchProblems.class);

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException ex) {
        log.warn("Search failed: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Search is unavailable right now; browsing by city still works");
        problem.setProperty("code", "SEARCH_UNAVAILABLE");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }
}
