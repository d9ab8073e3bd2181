package cn.duban.platform.mongo;

import cn.duban.platform.DubanProperties;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.TimeUnit;

/** One MongoClient for everything: to MONGODB_URI when set, else to the embedded server. */
@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${duban.mongodb-uri:}'.isBlank()")
    public EmbeddedMongo embeddedMongo(DubanProperties props) {
        return EmbeddedMongo.start(props.dataDir(), props.embeddedPort());
    }

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(DubanProperties props, ObjectProvider<EmbeddedMongo> embedded) {
        String uri = props.embedded() ? embedded.getObject().connectionString() : props.mongodbUri();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS));
        if (!props.embedded()) {
            // Acknowledged means on a majority of the replica set and in its journal.
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    public MongoDatabase mongoDatabase(MongoClient client, DubanProperties props) {
        return client.getDatabase(props.database());
    }

    @Bean
    @Primary
    public DurabilityBarrier durabilityBarrier(ObjectProvider<EmbeddedMongo> embedded) {
        EmbeddedMongo server = embedded.getIfAvailable();
        return server != null ? server : DurabilityBarrier.WRITE_CONCERN;
    }
}
