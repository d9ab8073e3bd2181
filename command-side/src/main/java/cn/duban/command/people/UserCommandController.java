package cn.duban.command.people;

import cn.duban.command.common.CommandDispatch;
import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.people.DisableUser;
import cn.duban.kernel.people.EnableUser;
import cn.duban.kernel.people.GrantRole;
import cn.duban.kernel.people.RegisterUser;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.platform.security.Credentials;
import cn.duban.platform.security.CurrentUser;
import cn.duban.platform.security.UserDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Users and their roles, managed by the lead office; every grant is an event, passwords are not. */
@RestController
@Tag(name = "用户 Users")
public class UserCommandController {
    private final CommandDispatch commands;
    private final Credentials credentials;
    private final UserDirectory directory;

    public UserCommandController(CommandDispatch commands, Credentials credentials, UserDirectory directory) {
        this.commands = commands;
        this.credentials = credentials;
        this.directory = directory;
    }

    public record NewUser(@NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 100) String displayName, @NotNull Role role,
                          @Size(max = 100) String unitId, @NotBlank @Size(max = Credentials.MAX_LENGTH) String password) {
    }

    public record RoleRequest(@NotNull Role role, @Size(max = 100) String unitId) {
    }

    public record PasswordRequest(@NotBlank @Size(max = Credentials.MAX_LENGTH) String password) {
    }

    public record OwnPasswordRequest(@NotBlank @Size(max = Credentials.MAX_LENGTH) String currentPassword,
                                     @NotBlank @Size(max = Credentials.MAX_LENGTH) String newPassword) {
    }

    public record DisableRequest(@Size(max = 500) String reason) {
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建用户 / create a user with a role (unit staff: with their unit)", description = "Password: 10–128 characters.")
    public Map<String, String> create(@Valid @RequestBody NewUser r) {
        Credentials.requireAcceptable(r.password());
        commands.send(new RegisterUser(r.username(), r.displayName(), r.role(), r.unitId()));
        credentials.setPassword(r.username(), r.password());
        return Map.of("id", r.username());
    }

    @PostMapping("/api/users/{username}/role")
    @Operation(summary = "授予角色 / grant a user another role")
    public Map<String, String> grant(@PathVariable String username, @Valid @RequestBody RoleRequest r) {
        if (r.role() != Role.LEAD_OFFICE) {
            requireAnotherLeadOffice(username);
        }
        commands.send(new GrantRole(AggregateIds.user(username), r.role(), r.unitId()));
        return Map.of("id", username, "role", r.role().name());
    }

    @PostMapping("/api/users/{username}/disable")
    @Operation(summary = "停用用户 / disable a user")
    public Map<String, String> disable(@PathVariable String username, @Valid @RequestBody(required = false) DisableRequest r) {
        requireAnotherLeadOffice(username);
        commands.send(new DisableUser(AggregateIds.user(username), r == null ? null : r.reason()));
        return Map.of("id", username, "status", "DISABLED");
    }

    @PostMapping("/api/users/{username}/enable")
    @Operation(summary = "启用用户 / let a disabled user sign in again")
    public Map<String, String> enable(@PathVariable String username) {
        commands.send(new EnableUser(AggregateIds.user(username)));
        return Map.of("id", username, "status", "ENABLED");
    }

    /**
     * Somebody must be left to administer: the last enabled lead-office account is neither disabled
     * nor demoted (a 409). Recovery with the server stopped: {@code --reset-admin}.
     */
    private void requireAnotherLeadOffice(String username) {
        var user = directory.find(username);
        if (user.isPresent() && user.get().enabled() && user.get().role() == Role.LEAD_OFFICE && directory.enabledLeadOffices() <= 1) {
            throw new ConflictException("这是最后一个可用的流管中心账号，不能停用或改为其他角色 / the last enabled lead-office account cannot be disabled or demoted");
        }
    }

    @PostMapping("/api/users/{username}/password")
    @Operation(summary = "重置密码 / set a user's password")
    public Map<String, String> reset(@PathVariable String username, @Valid @RequestBody PasswordRequest r) {
        if (directory.find(username).isEmpty()) {
            throw new NotFoundException("用户不存在 / user not found: " + username);
        }
        credentials.setPassword(username, r.password());
        return Map.of("id", username);
    }

    @PostMapping("/api/me/password")
    @Operation(summary = "修改本人密码 / change your own password")
    public Map<String, String> own(@Valid @RequestBody OwnPasswordRequest r) {
        var me = CurrentUser.get().orElseThrow(() -> new NotFoundException("未登录 / not signed in"));
        String hash = credentials.hash(me.username()).orElse("");
        if (!credentials.encoder().matches(r.currentPassword(), hash)) {
            throw new InvalidInputException("currentPassword", "当前密码不正确 / the current password is wrong");
        }
        credentials.setPassword(me.username(), r.newPassword());
        return Map.of("id", me.username());
    }
}
