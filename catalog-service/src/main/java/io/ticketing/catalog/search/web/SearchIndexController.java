package io.ticketing.catalog.search.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.search.ShowIndexer;

/**
 * Operating the search index: its state, and a rebuild from PostgreSQL (after a mapping change, or when
 * the index is suspected to be wrong). The rebuild runs in the background; searches keep using the old
 * index until the new one is complete.
 */
@RestController
class SearchIndexController {

    private final ShowIndexer indexer;

    SearchIndexController(ShowIndexer indexer) {
        this.indexer = indexer;
    }

    @GetMapping("/api/v1/admin/search-index")
    ShowIndexer.State state() {
        return indexer.state();
    }

    @PostMapping("/api/v1/admin/search-index/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ShowIndexer.State rebuild() {
        var rebuild = indexer.start();
        Thread.ofVirtual().name("search-index-rebuild").start(() -> indexer.rebuild(rebuild));
        return indexer.state();
    }
}
