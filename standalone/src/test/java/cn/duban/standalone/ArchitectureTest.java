package cn.duban.standalone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules, checked on the compiled classes of every module: the kernel stays pure, the
 * platform knows neither side, the sides do not reach into each other, and no controller reaches a
 * collection or a repository itself.
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
}
