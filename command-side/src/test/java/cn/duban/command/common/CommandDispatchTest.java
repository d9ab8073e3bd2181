package cn.duban.command.common;

import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.reporting.RejectInfoReport;
import cn.duban.platform.DubanProperties;
import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.mongo.DurabilityBarrier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A run of acts is sent inside one {@link DurabilityBarrier#durableTogether}, and answered only after
 * it has returned (its writes durable): with every act's result, or, stopped by a fault, with the
 * fault's answer, which comes after the acts before it are durable too.
 */
class CommandDispatchTest {
    final List<String> said = new ArrayList<>();
    boolean together;

    final DurabilityBarrier barrier = new DurabilityBarrier() {
        @Override
        public void awaitDurable() {
            said.add("a commit of its own");
        }

        @Override
        public <T> T durableTogether(Supplier<T> load) {
            together = true;
            try {
                return load.get();
            } finally {
                together = false;
                said.add("durable together");
            }
        }
    };

    CommandDispatch dispatch(String faultyReport) {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            RejectInfoReport command = (RejectInfoReport) ((CommandMessage<?>) call.getArgument(0)).getPayload();
            said.add("sent " + command.reportId() + (together ? " together" : " alone"));
            if (command.reportId().equals("decided")) {
                throw new ConflictException("该信息已录用 / accepted already");
            }
            if (command.reportId().equals(faultyReport)) {
                throw new IllegalStateException("the store is gone");
            }
            return null;
        });
        ProjectionProgress progress = mock(ProjectionProgress.class);
        when(progress.awaitClaimedPosition(anyLong(), any())).thenAnswer(call -> said.add("answered"));
        SequencedMongoEventStorageEngine engine = mock(SequencedMongoEventStorageEngine.class);
        return new CommandDispatch(gateway, progress, engine, new DubanProperties(null, null, null, 0, null, Duration.ofSeconds(1)), barrier);
    }

    @Test
    void aRunIsDurableTogetherBeforeItIsAnswered() {
        Batch batch = dispatch(null).sendEach(List.of("r1", "decided", "r3"), id -> id, id -> new RejectInfoReport(id, "重复"));
        assertThat(batch.done()).isEqualTo(2);
        assertThat(batch.results().get(1).status()).isEqualTo(409);
        assertThat(said).containsExactly("sent r1 together", "sent decided together", "sent r3 together", "durable together", "answered");
    }

    @Test
    void aFaultsAnswerComesOnceTheActsBeforeItAreDurable() {
        assertThatThrownBy(() -> dispatch("r2").sendEach(List.of("r1", "r2", "r3"), id -> id, id -> new RejectInfoReport(id, "重复")))
                .isInstanceOfSatisfying(RunStoppedException.class, e -> {
                    assertThat(e.answer().done()).isEqualTo(1);
                    assertThat(e.answer().notSent()).isEqualTo(1);
                    assertThat(e.answer().results()).extracting(Batch.Result::status).containsExactly(null, 500, null);
                    assertThat(e.getCause()).hasMessage("the store is gone");
                });
        assertThat(said).containsExactly("sent r1 together", "sent r2 together", "durable together", "answered");
    }
}
