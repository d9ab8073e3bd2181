package cn.duban.standalone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules, checked on the compiled classes of every module: the kernel stays pure, the
 * platform knows neither side, the sides do not reach into each other, and no controller reaches a
 * collection or a repository itself. Inside each module the code is sorted by feature slice, and a
 * slice uses only the slices it names below (besides the kernel, the platform and its module's
 * shared plumbing); a new dependency between slices is a decision made here, in one place.
 */
@AnalyzeClasses(packages = "cn.duban", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Two Axon annotations mark kernel records (the target aggregate, a payload's revision); nothing else of Axon. */
    @ArchTest
    static final ArchRule kernelIsFreeOfFrameworksAndStorage = noClasses().that().resideInAPackage("cn.duban.kernel..")
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "jakarta..",
                    "cn.duban.platform..", "cn.duban.command..", "cn.duban.query..", "cn.duban.standalone..")
                    .or(resideInAPackage("org.axonframework..").and(not(equivalentTo(Revision.class)))
                            .and(not(equivalentTo(TargetAggregateIdentifier.class)))));

    @ArchTest
    static final ArchRule platformKnowsNeitherSide = noClasses().that().resideInAPackage("cn.duban.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.duban.command..", "cn.duban.query..", "cn.duban.standalone..");

    @ArchTest
    static final ArchRule commandSideDoesNotReadQuerySide = noClasses().that().resideInAPackage("cn.duban.command..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.duban.query..", "cn.duban.standalone..");

    @ArchTest
    static final ArchRule querySideDoesNotReachCommandSide = noClasses().that().resideInAPackage("cn.duban.query..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.duban.command..", "cn.duban.standalone..");

    @ArchTest
    static final ArchRule controllersReachNoCollectionOrRepository = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat(JavaClass.Predicates.assignableTo(MongoCollection.class)
                    .or(JavaClass.Predicates.assignableTo(MongoDatabase.class))
                    .or(JavaClass.Predicates.assignableTo(Repository.class)));


    /**
     * Kernel: {@code scoring} is the engine every slice's unit events feed; it reads scheme rules, unit types and sample kinds.
     * A withdrawn record (撤回) names its kind of record as a sample does.
     */
    static final Map<String, Set<String>> KERNEL = Map.of(
            "unit", Set.of("scoring"),
            "people", Set.of(),
            "scheme", Set.of("unit"),
            "reporting", Set.of("scheme", "scoring", "supervision"),
            "assessment", Set.of("scheme", "scoring"),
            "assignment", Set.of(),
            "supervision", Set.of("scheme", "scoring"),
            "scoring", Set.of("scheme", "unit", "supervision"));

    /**
     * Command side: {@code common} answers references across slices (a fact's unit, a finding's round) from the
     * aggregates that own them; the deadline scheduler drives the assignment and rectification watch lists.
     */
    static final Map<String, Set<String>> COMMAND = Map.of(
            "unit", Set.of("common"),
            "people", Set.of("common"),
            "scheme", Set.of("common", "deadlines"),
            "reporting", Set.of("common"),
            "assessment", Set.of("common"),
            "assignment", Set.of("common", "deadlines"),
            "supervision", Set.of("common", "deadlines", "assignment"),
            "common", Set.of("unit", "scheme", "reporting", "supervision"),
            "deadlines", Set.of("assignment", "supervision", "scheme"));

    /**
     * Query side: scores (assessment) name each unit and scheme and weigh inspection rounds and vetoes into the
     * year-end result; rounds show each unit's baseline score; an archive of a unit reads its facts, and the
     * audit trail names the units and schemes its acts concern; the workbook of indicator figures
     * (reporting) has a row for each indicator a unit's items name under the scheme.
     */
    static final Map<String, Set<String>> QUERY = Map.ofEntries(
            Map.entry("unit", Set.of("common")),
            Map.entry("people", Set.of("common")),
            Map.entry("scheme", Set.of("common")),
            Map.entry("reporting", Set.of("common", "unit", "assessment", "scheme")),
            Map.entry("assessment", Set.of("common", "unit", "scheme", "supervision")),
            Map.entry("assignment", Set.of("common", "unit", "assessment", "webhook")),
            Map.entry("supervision", Set.of("common", "unit", "scheme", "assessment", "reporting")),
            Map.entry("audit", Set.of("common", "unit", "scheme", "assessment")),
            // 待处理: counts what the slices that decide things keep, and keeps nothing of its own.
            Map.entry("waiting", Set.of("common", "reporting", "assignment", "supervision")),
            Map.entry("common", Set.of()),
            Map.entry("webhook", Set.of()));

    @ArchTest
    static void eachSliceUsesOnlyTheSlicesItNames(JavaClasses classes) {
        List<String> violations = new ArrayList<>();
        check(classes, "cn.duban.kernel", KERNEL, violations);
        check(classes, "cn.duban.command", COMMAND, violations);
        check(classes, "cn.duban.query", QUERY, violations);
        org.assertj.core.api.Assertions.assertThat(violations).as("dependencies between slices not named above").isEmpty();
    }

    private static void check(JavaClasses classes, String module, Map<String, Set<String>> allowed, List<String> violations) {
        for (var slice : allowed.entrySet()) {
            List<String> others = new ArrayList<>();
            for (String other : allowed.keySet()) {
                if (!other.equals(slice.getKey()) && !slice.getValue().contains(other)) {
                    others.add(module + "." + other + "..");
                }
            }
            noClasses().that().resideInAPackage(module + "." + slice.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .allowEmptyShould(true)
                    .evaluate(classes).getFailureReport().getDetails().forEach(violations::add);
        }
    }

    /** Every package of a module is a slice named above, or the module's root. */
    @ArchTest
    static void noPackageOutsideTheNamedSlices(JavaClasses classes) {
        Map<String, Set<String>> modules = Map.of("cn.duban.kernel", union(KERNEL.keySet(), Set.of("error", "calendar", "archive", "material")),
                "cn.duban.command", COMMAND.keySet(), "cn.duban.query", QUERY.keySet());
        List<String> strays = new ArrayList<>();
        for (JavaClass c : classes) {
            modules.forEach((module, slices) -> {
                if (c.getPackageName().startsWith(module + ".")) {
                    String slice = c.getPackageName().substring(module.length() + 1).split("\\.")[0];
                    if (!slices.contains(slice)) {
                        strays.add(c.getName());
                    }
                }
            });
        }
        org.assertj.core.api.Assertions.assertThat(strays).as("classes outside the named slices").isEmpty();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * An aggregate is package-private, visible to its own slice only, unless another package needs it:
     * the command side's reference look-ups ({@code common/RepositoryReferences}) load a few.
     */
    @ArchTest
    static final ArchRule aggregatesArePackagePrivateUnlessLookedUp = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("be package-private unless used outside their package") {
                @Override
                public void check(JavaClass aggregate, com.tngtech.archunit.lang.ConditionEvents events) {
                    boolean usedElsewhere = aggregate.getDirectDependenciesToSelf().stream()
                            .anyMatch(d -> !d.getOriginClass().getPackageName().equals(aggregate.getPackageName()));
                    boolean isPublic = aggregate.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC);
                    if (isPublic && !usedElsewhere) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(aggregate,
                                aggregate.getName() + " is public but used only in its own package"));
                    }
                }
            });
    /**
     * springdoc names a schema by its class's simple name, so two request or answer types of one
     * name become one schema and the API document describes one endpoint with the other's body (the
     * assignment's progress report was documented with the campaign's measure and quantity). Every
     * type an endpoint takes or answers, and every type within them, has a name of its own.
     */
    @ArchTest
    static void everyTypeTheApiDocumentsHasANameOfItsOwn(JavaClasses classes) {
        Map<String, Set<String>> byName = new java.util.TreeMap<>();
        Set<java.lang.reflect.Type> seen = new java.util.HashSet<>();
        for (JavaClass controller : classes) {
            if (!controller.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (java.lang.reflect.Method m : controller.reflect().getDeclaredMethods()) {
                walk(m.getGenericReturnType(), byName, seen);
                for (java.lang.reflect.Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(org.springframework.web.bind.annotation.RequestBody.class)) {
                        walk(p.getParameterizedType(), byName, seen);
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(byName).as("types the API documents").hasSizeGreaterThan(50);
        org.assertj.core.api.Assertions.assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString))
                .as("types of one simple name, documented as one schema").isEmpty();
    }

    private static void walk(java.lang.reflect.Type type, Map<String, Set<String>> byName, Set<java.lang.reflect.Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            walk(p.getRawType(), byName, seen);
            for (java.lang.reflect.Type argument : p.getActualTypeArguments()) {
                walk(argument, byName, seen);
            }
        } else if (type instanceof java.lang.reflect.GenericArrayType a) {
            walk(a.getGenericComponentType(), byName, seen);
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                walk(c.getComponentType(), byName, seen);
            } else if (c.getName().startsWith("cn.duban.") && !c.isEnum()) {
                byName.computeIfAbsent(c.getSimpleName(), k -> new java.util.TreeSet<>()).add(c.getName());
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        walk(f.getGenericType(), byName, seen);
                    }
                }
            }
        }
    }
}
