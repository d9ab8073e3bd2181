package cn.duban.platform.security;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.data.mongo.MongoIndexedSessionRepository;

/**
 * Web sessions in MongoDB, read and written through {@link RememberedSessions}. Declaring the
 * repository here makes Spring Boot's own MongoDB session set-up step aside; the collection and the
 * timeout are the ones it used, so sessions signed in before an upgrade stay valid.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStoreConfig {

    @Bean
    RememberedSessions sessionRepository(MongoOperations mongo, ServerProperties server, ApplicationEventPublisher events) {
        MongoIndexedSessionRepository store = new MongoIndexedSessionRepository(mongo);
        // Not a bean itself, so nothing else hands it the publisher; without one every sign-in logged an error.
        store.setApplicationEventPublisher(events);
        store.setCollectionName(MongoIndexedSessionRepository.DEFAULT_COLLECTION_NAME);
        store.setDefaultMaxInactiveInterval(server.getServlet().getSession().getTimeout());
        store.afterPropertiesSet();
        return new RememberedSessions(store);
    }
}
