package cn.duban.kernel;

import cn.duban.kernel.assessment.AssessmentEvent;
import cn.duban.kernel.assignment.AssignmentEvent;
import cn.duban.kernel.people.PeopleEvent;
import cn.duban.kernel.reporting.ReportingEvent;
import cn.duban.kernel.scheme.SchemeEvent;
import cn.duban.kernel.supervision.SupervisionEvent;
import cn.duban.kernel.unit.UnitRegistryEvent;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of act a reader sorts an audit trail by (操作留痕): each of the kernel's sealed event
 * families, so an event's kind follows from the family it is declared in and a new event needs no
 * list of its own to join.
 */
public enum EventFamily {
    REPORTING(ReportingEvent.class),
    ASSESSMENT(AssessmentEvent.class),
    ASSIGNMENT(AssignmentEvent.class),
    SUPERVISION(SupervisionEvent.class),
    SCHEME(SchemeEvent.class),
    UNIT(UnitRegistryEvent.class),
    PEOPLE(PeopleEvent.class);

    private final Set<Class<?>> events;

    EventFamily(Class<?> family) {
        // The records under the family, however deeply sealed interfaces nest within it.
        Set<Class<?>> found = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(family));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isSealed()) {
                todo.addAll(List.of(c.getPermittedSubclasses()));
            } else {
                found.add(c);
            }
        }
        this.events = Set.copyOf(found);
    }

    /** By an event's simple name, as the audit trail records its type. */
    private static final Map<String, EventFamily> BY_NAME = new HashMap<>();

    static {
        for (EventFamily family : values()) {
            for (Class<?> event : family.events) {
                if (BY_NAME.put(event.getSimpleName(), family) != null) {
                    throw new IllegalStateException("two events named " + event.getSimpleName());
                }
            }
        }
    }

    /** The family of an event's type by its simple name; empty for a name no event has. */
    public static Optional<EventFamily> ofType(String simpleName) {
        return Optional.ofNullable(simpleName == null ? null : BY_NAME.get(simpleName));
    }

    public boolean holds(String simpleName) {
        return ofType(simpleName).orElse(null) == this;
    }

    public Set<Class<?>> events() {
        return events;
    }

    /** Every event the store can hold, family by family. */
    public static Set<Class<?>> allEvents() {
        return Arrays.stream(values()).flatMap(f -> f.events.stream().sorted(Comparator.comparing(Class::getSimpleName)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
