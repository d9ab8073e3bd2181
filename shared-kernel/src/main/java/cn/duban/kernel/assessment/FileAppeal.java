package cn.duban.kernel.assessment;

import cn.duban.kernel.material.Material;

import java.util.List;

/** A unit appeals (申诉) its score on one item, with its reason and the files that support it. */
public record FileAppeal(String appealId, String unitId, String schemeId, String itemCode, String reason, List<Material> materials) {
    public FileAppeal {
        materials = Material.listOf(materials);
    }

    /** An appeal with no files. */
    public FileAppeal(String appealId, String unitId, String schemeId, String itemCode, String reason) {
        this(appealId, unitId, schemeId, itemCode, reason, List.of());
    }
}
