package dev.evreg.compat.avro;

import java.util.List;
import org.apache.avro.Schema;

/**
 * One incompatibility from Avro's checker, with what the walk to it learnt: the fields it
 * passed through, the record around it and which side is the candidate. When Avro's pointer
 * went into a branch of a writer union, {@code writerFragment} is the whole union and
 * {@code writerBranch} the branch that cannot be read; otherwise both are the same.
 */
record AvroIncompatibility(
    Schema readerFragment,
    Schema writerFragment,
    Schema writerBranch,
    boolean readerIsNew,
    Schema.Field readerField,
    List<String> fieldPath,
    String suffix,
    String rootRecord,
    String innerRecord) {

  Schema oldFragment() {
    return readerIsNew ? writerFragment : readerFragment;
  }

  Schema newFragment() {
    return readerIsNew ? readerFragment : writerFragment;
  }

  String lastFieldName() {
    return fieldPath.isEmpty() ? "?" : fieldPath.get(fieldPath.size() - 1);
  }

  String recordName() {
    return innerRecord == null ? "?" : innerRecord;
  }

  /** "Field "customer.zip" of record "acme.OrderPlaced"", or "The schema" at the root. */
  String subject() {
    if (fieldPath.isEmpty()) {
      return suffix.isEmpty() ? "The schema" : "The schema's element \"" + suffix + "\"";
    }
    return "Field \"" + String.join(".", fieldPath) + suffix + "\"" + (rootRecord == null ? "" : " of record \"" + rootRecord + "\"");
  }

  /** " (field "customer.status")" when the element is inside a field. */
  String where() {
    return fieldPath.isEmpty() ? "" : " (field \"" + String.join(".", fieldPath) + suffix + "\")";
  }
}
