package io.ticketing.catalog.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import io.ticketing.catalog.search.ElasticsearchProperties;

@Configuration(proxyBeanMethods = false)
@EnableCaching
@EnableConfigurationProperties(ElasticsearchProperties.class)
class CatalogConfiguration {
}
