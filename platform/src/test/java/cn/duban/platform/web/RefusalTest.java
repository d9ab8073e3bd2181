package cn.duban.platform.web;

import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.ForbiddenException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a refused act is answered with, alone or as one act of a run sent together: the domain's
 * refusals by their status and error, also when the command bus wraps them; anything else is none.
 */
class RefusalTest {
    @Test
    void eachRefusalIsAnsweredWithItsStatusAndError() {
        var invalid = ApiExceptionHandler.refusal(new InvalidInputException("year", "不能晚于今年（2026）/ cannot be after this year")).orElseThrow();
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().field()).isEqualTo("year");
        assertThat(invalid.getBody().error()).isEqualTo("VALIDATION");
        assertThat(ApiExceptionHandler.refusal(new NotFoundException("单位不存在 / unit not found: x")).orElseThrow().getStatusCode().value()).isEqualTo(404);
        assertThat(ApiExceptionHandler.refusal(new ForbiddenException("不是本单位 / not your unit")).orElseThrow().getStatusCode().value()).isEqualTo(403);
        var conflict = ApiExceptionHandler.refusal(new ConflictException("该信息已录用 / already accepted")).orElseThrow();
        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(conflict.getBody().message()).isEqualTo("该信息已录用 / already accepted");
        assertThat(ApiExceptionHandler.refusal(new ConcurrencyException("appended meanwhile")).orElseThrow().getBody().error()).isEqualTo("CONFLICT");
    }

    @Test
    void aRefusalTheCommandBusWrapsIsStillOne() {
        var wrapped = new CommandExecutionException("failed", new ConflictException("该任务已撤销 / cancelled"));
        var refusal = ApiExceptionHandler.refusal(wrapped).orElseThrow();
        assertThat(refusal.getStatusCode().value()).isEqualTo(409);
        assertThat(refusal.getBody().message()).isEqualTo("该任务已撤销 / cancelled");
    }

    @Test
    void aFaultIsNoRefusal() {
        assertThat(ApiExceptionHandler.refusal(new IllegalStateException("the store is gone"))).isEmpty();
        assertThat(ApiExceptionHandler.refusal(new CommandExecutionException("failed", new IllegalStateException("x")))).isEmpty();
    }
}
