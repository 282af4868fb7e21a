package io.ticketing.catalog.messaging;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * Batch listeners for read models; else as Spring Boot's {@code spring.kafka.listener.*} properties say, with the
     * platform's error handler (service-starter): a failed batch is retried with backoff for as long as it takes, an
     * unreadable record in it is a dead letter.
     */
    static final String RETRYING_BATCH = "retryingBatchListenerFactory";

    @Bean(RETRYING_BATCH)
    ConcurrentKafkaListenerContainerFactory<Object, Object> retryingBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer boot, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        boot.configure(factory, consumers);
        factory.setBatchListener(true);
        return factory;
    }
}
