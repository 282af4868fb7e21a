package io.ticketing.starter.messaging;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.util.ClassUtils;

/**
 * Tells Spring Modulith's JDBC event registry that its database is PostgreSQL, rather than letting it open a
 * connection to ask while the context's beans are created. The platform runs on PostgreSQL only, and a context
 * that is refreshed without a database (the image's training run, see the Dockerfile) must not need one. Modulith has
 * no setting for it: the definition of its {@code databaseType} bean gets the constant as its instance supplier.
 */
public final class KnownOutboxDatabase implements BeanFactoryPostProcessor {

    static final String BEAN = "databaseType";
    static final String TYPE = "org.springframework.modulith.events.jdbc.DatabaseType";
    static final String POSTGRESQL = "POSTGRES";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) throws BeansException {
        if (!factory.containsBeanDefinition(BEAN)
                || !(factory.getBeanDefinition(BEAN) instanceof AbstractBeanDefinition definition)
                || !isModulithDatabaseType(definition)) {
            return;
        }
        ClassLoader classLoader = factory.getBeanClassLoader();
        definition.setInstanceSupplier(() -> postgresql(classLoader));
    }

    private static boolean isModulithDatabaseType(BeanDefinition definition) {
        return BEAN.equals(definition.getFactoryMethodName()) && definition.getFactoryBeanName() != null
                && definition.getFactoryBeanName().contains("JdbcEventPublicationAutoConfiguration");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object postgresql(ClassLoader classLoader) {
        Class<? extends Enum> type = (Class<? extends Enum>) ClassUtils.resolveClassName(TYPE, classLoader);
        return Enum.valueOf(type, POSTGRESQL);
    }
}
