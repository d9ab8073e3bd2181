package cn.duban.kernel.supervision;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The unit reports what it did to rectify, with its evidence. */
public record ReportRectification(@TargetAggregateIdentifier String rectificationId, String text, List<String> evidence,
                                  List<String> materials) {
    public ReportRectification {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A report with no files. */
    public ReportRectification(String rectificationId, String text, List<String> evidence) {
        this(rectificationId, text, evidence, List.of());
    }

}
