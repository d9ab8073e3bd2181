package cn.duban.kernel.assignment;

/**
 * A progress report's pointer to a fact recorded elsewhere: a training, an info report, a
 * campaign or an indicator report, by its id.
 */
public record FactLink(Kind kind, String id) {
    public enum Kind { TRAINING, INFO_REPORT, CAMPAIGN, INDICATOR }
}
