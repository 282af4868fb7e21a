package io.ticketing.catalog.messaging;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * Batch listeners for read models, retrying a failed batch with backoff for as long as it takes; else
     * as Spring Boot's {@code spring.kafka.listener.*} properties say.
     */
    static final String RETRYING_BATCH = "retryingBatchListenerFactory";

    @Bean(RETRYING_BATCH)
    ConcurrentKafkaListenerContainerFactory<Object, Object> retryingBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer boot, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        boot.configure(factory, consumers);
        factory.setBatchListener(true);
        var backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(5_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
