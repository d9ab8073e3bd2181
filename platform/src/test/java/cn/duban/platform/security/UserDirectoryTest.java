package cn.duban.platform.security;

import cn.duban.kernel.people.Role;
import cn.duban.kernel.people.RoleGranted;
import cn.duban.kernel.people.UserDisabled;
import cn.duban.kernel.people.UserEnabled;
import cn.duban.kernel.people.UserRegistered;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The user directory sign-in reads, given events and no HTTP: roles, grants with who and when, enabled or not, each event once. */
class UserDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aUserKeepsEveryGrantAndIsDisabledAndEnabledOnceEach() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
            UserDirectory directory = new UserDirectory(client.getDatabase("users-test"));
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(directory,
                    ClasspathParameterResolverFactory.forClass(UserDirectory.class));
            List<EventMessage<?>> events = new ArrayList<>();
            Instant at = Instant.parse("2023-03-01T02:00:00Z");
            for (Object payload : List.of(new UserRegistered("admin", "流管中心", Role.LEAD_OFFICE, null),
                    new UserRegistered("wang", "王科员", Role.UNIT_STAFF, "xinqi"),
                    new RoleGranted("wang", Role.SUPERVISOR, null, Role.UNIT_STAFF, "xinqi"),
                    new UserDisabled("admin", "离职"),
                    new UserEnabled("admin"))) {
                at = at.plusSeconds(3600);
                EventMessage<?> m = new GenericEventMessage<>(payload, MetaData.with(RecordingTime.METADATA_KEY, at.toString()).and("actor", "admin"));
                adapter.handle(m);
                events.add(m);
            }
            assertThat(directory.enabledLeadOffices()).isEqualTo(1);
            adapter.handle(events.get(3)); // the disabling, delivered again, changes nothing
            assertThat(directory.enabledLeadOffices()).as("a redelivered disabling does not undo the later enabling").isEqualTo(1);

            UserDirectory.UserView wang = directory.find("wang").orElseThrow();
            assertThat(wang.role()).isEqualTo(Role.SUPERVISOR);
            assertThat(wang.unitId()).isNull();
            assertThat(wang.grants()).extracting(UserDirectory.Grant::role).containsExactly(Role.UNIT_STAFF, Role.SUPERVISOR);
            assertThat(wang.grants().get(1).by()).isEqualTo("admin");
            assertThat(wang.grants().get(1).at()).isEqualTo(Instant.parse("2023-03-01T05:00:00Z"));
            adapter.handle(events.get(2));
            assertThat(directory.find("wang").orElseThrow().grants()).as("a grant is listed once").hasSize(2);
            assertThat(directory.all()).extracting(UserDirectory.UserView::username).containsExactly("admin", "wang");
        }
    }
}
