package cn.duban.platform.security;

import cn.duban.kernel.people.Role;
import cn.duban.kernel.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who is signed in, for the web app to show the right screens. */
@RestController
@Tag(name = "用户 Users")
public class MeController {
    private final UserDirectory directory;

    public MeController(UserDirectory directory) {
        this.directory = directory;
    }

    public record Me(String username, String displayName, Role role, String unitId) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "当前用户 / the signed-in user")
    public Me me() {
        DubanPrincipal p = CurrentUser.get().orElseThrow(() -> new NotFoundException("未登录 / not signed in"));
        return new Me(p.username(), p.displayName(), p.role(), p.unitId());
    }

    @GetMapping("/api/users")
    @Operation(summary = "用户 / all users with their roles and every grant (lead office)")
    public List<UserDirectory.UserView> users() {
        return directory.all();
    }
}
