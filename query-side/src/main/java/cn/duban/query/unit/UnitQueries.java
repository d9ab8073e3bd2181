package cn.duban.query.unit;

import cn.duban.kernel.error.NotFoundException;
import cn.duban.query.common.DecodedDocuments;
import cn.duban.query.common.ReadModelJson;
import cn.duban.query.unit.UnitsProjection.UnitView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The unit register as the read side knows it. */
@Service
public class UnitQueries {
    private final MongoCollection<Document> units;
    /** Every unit of a district, and of a dozen districts. */
    private final DecodedDocuments<UnitView> decoded = new DecodedDocuments<>(d -> ReadModelJson.fromDocument(d, UnitView.class), 2048);

    public UnitQueries(MongoDatabase db) {
        this.units = db.getCollection(UnitsProjection.COLLECTION);
    }

    public List<UnitView> all() {
        List<UnitView> out = new ArrayList<>();
        units.find().forEach(d -> out.add(decoded.decode(d)));
        out.sort(Comparator.comparing(UnitView::id));
        return out;
    }

    /** Every unit's name by its id, as the workbooks write units. */
    public java.util.Map<String, String> names() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        all().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    /**
     * A filter's unit exists: a list filtered by a mistyped unit ("xinq") answered an empty list,
     * which reads as "nothing for this unit". Null (no filter) passes.
     *
     * @throws cn.duban.kernel.error.InvalidInputException naming the filter's parameter
     */
    public void requireKnown(String parameter, String unitId) {
        if (unitId != null && units.find(Filters.eq("_id", unitId)).first() == null) {
            throw new cn.duban.kernel.error.InvalidInputException(parameter, "没有该单位 / no such unit: " + unitId);
        }
    }

    /** The unit, or a 404 naming it. */
    public UnitView one(String unitId) {
        Document d = units.find(Filters.eq("_id", unitId)).first();
        if (d == null) {
            throw new NotFoundException("单位不存在 / unit not found: " + unitId);
        }
        return decoded.decode(d);
    }
}
