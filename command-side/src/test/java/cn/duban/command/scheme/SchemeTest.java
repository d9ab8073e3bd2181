package cn.duban.command.scheme;

import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.scheme.DraftScheme;
import cn.duban.kernel.scheme.DraftSchemeVersion;
import cn.duban.kernel.scheme.PublishScheme;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.duban.command.common.AggregateFixtures.fixture;
import static cn.duban.command.common.AggregateFixtures.doc;

/** Given-when-then for assessment schemes: drafts, versions and publishing. */
class SchemeTest {
    @Nested
    class Schemes {
        FixtureConfiguration<Scheme> fixture = new AggregateTestFixture<>(Scheme.class);
        SchemeDocument v1 = doc(2023, "北仑区2023年度考核");
        SchemeDocument v2 = doc(2023, "北仑区2023年度考核（修订）");

        @Test
        void draftsAValidDocumentAsVersionOne() {
            fixture.givenNoPriorActivity().when(new DraftScheme(v1)).expectEvents(new SchemeDrafted("beilun-2023", 1, v1));
        }

        @Test
        void refusesAnInvalidDocumentWholeAndStoresNothing() {
            SchemeDocument bad = new SchemeDocument("beilun-2023", 1990, "", null, List.of());
            fixture.givenNoPriorActivity().when(new DraftScheme(bad))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }

        @Test
        void closesReportingOnceAndADeadlineOutsideTheYearIsRefused() {
            var day = java.time.LocalDate.of(2024, 1, 16);
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1)).when(new cn.duban.kernel.scheme.CloseSchemeReporting("beilun-2023", day))
                    .expectEvents(new cn.duban.kernel.scheme.SchemeReportingClosed("beilun-2023", day));
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1), new cn.duban.kernel.scheme.SchemeReportingClosed("beilun-2023", day))
                    .when(new cn.duban.kernel.scheme.CloseSchemeReporting("beilun-2023", day))
                    .expectException(cn.duban.kernel.error.ConflictException.class).expectNoEvents();
            SchemeDocument late = new SchemeDocument(v1.id(), v1.year(), v1.title(), v1.supervisionWeight(), v1.items(),
                    java.time.LocalDate.of(2025, 1, 31));
            fixture.givenNoPriorActivity().when(new DraftScheme(late)).expectException(InvalidInputException.class).expectNoEvents();
        }

        @Test
        void publishesTheDraft() {
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1)).when(new PublishScheme("beilun-2023"))
                    .expectEvents(new SchemePublished("beilun-2023", 1, 2023));
        }

        @Test
        void aPublishedVersionCannotBePublishedAgain() {
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1), new SchemePublished("beilun-2023", 1, 2023))
                    .when(new PublishScheme("beilun-2023"))
                    .expectException(ConflictException.class).expectNoEvents();
        }

        @Test
        void amendmentsAreNewVersions() {
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1), new SchemePublished("beilun-2023", 1, 2023))
                    .when(new DraftSchemeVersion("beilun-2023", v2))
                    .expectEvents(new SchemeDrafted("beilun-2023", 2, v2));
        }

        @Test
        void aNewVersionKeepsTheIdAndTheYear() {
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1))
                    .when(new DraftSchemeVersion("beilun-2023", doc(2024, "x")))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }
    }
}
