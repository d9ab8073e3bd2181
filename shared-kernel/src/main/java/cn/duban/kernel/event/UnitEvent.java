package cn.duban.kernel.event;

/** An event about one assessed unit: its facts, decisions on them and assessor records. */
public interface UnitEvent {
    String unitId();
}
