package dev.shopstream.commons.audit;

import dev.shopstream.commons.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.io.StringReader;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a mutation changed, field by field: {@code {"name": {"from": "Mug", "to": "Big mug"}}}. The snapshots are
 * the API views of the entity before and after; bookkeeping fields (version, timestamps) are left out.
 */
public final class Changes {

    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "updatedAt");
    private static final Jsonb JSONB = JsonbBuilder.create();

    private Changes() {
    }

    /** @param before the view before the change, or {@code null} for a creation */
    public static JsonObject between(Object before, Object after) {
        JsonObject from = toJson(before);
        JsonObject to = toJson(after);
        Set<String> fields = new TreeSet<>(from.keySet());
        fields.addAll(to.keySet());
        fields.removeAll(BOOKKEEPING);
        JsonObjectBuilder changes = Jsonp.createObjectBuilder();
        for (String field : fields) {
            JsonValue old = from.getOrDefault(field, JsonValue.NULL);
            JsonValue now = to.getOrDefault(field, JsonValue.NULL);
            if (!Objects.equals(old, now)) {
                changes.add(field, Jsonp.createObjectBuilder().add("from", old).add("to", now));
            }
        }
        return changes.build();
    }

    private static JsonObject toJson(Object snapshot) {
        if (snapshot == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return Jsonp.createReader(new StringReader(JSONB.toJson(snapshot))).readObject();
    }
}
