package cn.duban.query.common;

import cn.duban.kernel.Words;
import cn.duban.platform.security.UserDirectory;

import java.util.HashMap;
import java.util.Map;

/**
 * Who acted, as a workbook names them, as the workbench does: a person by their display name, a unit
 * by its name (what a unit's import or the demo entered is the unit's own), the platform's own actors
 * in words. Made for one workbook: each actor is looked up once, however many rows name them.
 */
public final class ActorNames {
    private final UserDirectory users;
    private final Map<String, String> unitNames;
    private final Map<String, String> named = new HashMap<>();

    public ActorNames(UserDirectory users, Map<String, String> unitNames) {
        this.users = users;
        this.unitNames = unitNames;
    }

    public String of(String actor) {
        if (actor == null) {
            return "";
        }
        return named.computeIfAbsent(actor, a -> users.find(a).map(UserDirectory.UserView::displayName)
                .orElseGet(() -> unitNames.getOrDefault(a, Words.zh("systemActor", a))));
    }
}
