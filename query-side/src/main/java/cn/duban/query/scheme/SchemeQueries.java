package cn.duban.query.scheme;

import cn.duban.kernel.error.NotFoundException;
import cn.duban.query.common.DecodedDocuments;
import cn.duban.query.common.ReadModelJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The assessment schemes and their versions as the read side knows them. */
@Service
public class SchemeQueries {
    private final MongoCollection<Document> schemes;
    /** A district has a scheme a year; a few dozen cover every scheme a platform keeps. */
    private final DecodedDocuments<SchemeView> decoded = new DecodedDocuments<>(d -> ReadModelJson.fromDocument(d, SchemeView.class), 64);

    public SchemeQueries(MongoDatabase db) {
        this.schemes = db.getCollection(SchemesProjection.COLLECTION);
    }

    public List<SchemeView> all() {
        List<SchemeView> out = new ArrayList<>();
        schemes.find().forEach(d -> out.add(decoded.decode(d)));
        out.sort(Comparator.comparing(SchemeView::id));
        return out;
    }

    /** The scheme, or a 404 naming it. */
    public SchemeView one(String schemeId) {
        return SchemesProjection.stored(schemes, schemeId).map(decoded::decode)
                .orElseThrow(() -> new NotFoundException("考核方案不存在 / scheme not found: " + schemeId));
    }
}
