package dev.evreg.compat.jsonschema;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityEngine;
import dev.evreg.compat.Deadline;
import dev.evreg.compat.Finding;
import dev.evreg.compat.ReadPair;
import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.source.SchemaException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Schema compatibility as the schema registry judges it: the diff names what changed,
 * the policy (STRICT or LENIENT) says which changes break. A consumer using the reader schema
 * can read the writer's documents when no change from the writer's schema to the reader's breaks.
 */
public final class JsonSchemaCompatibility implements CompatibilityEngine<JsonSchemaDocument> {

  @Override
  public SchemaFormat format() {
    return SchemaFormat.JSON;
  }

  public static List<RuleInfo> rules() {
    return JsonChange.rules();
  }

  @Override
  public List<Finding> canRead(ReadPair<JsonSchemaDocument> pair, CheckOptions options) {
    List<Finding> findings = new ArrayList<>();
    for (Change c : changes(pair.writer(), pair.reader(), options)) {
      if (c.type().breaks(options.jsonPolicy())) {
        findings.add(new Finding(c.type().name(), Severity.ERROR,
            JsonMessages.message(c, pair.readerIsNew(), options.jsonPolicy()),
            pair.readerIsNew() ? c.reader() : c.writer(),
            pair.readerIsNew() ? c.writer() : c.reader()));
      }
    }
    return findings;
  }

  /** Every change, compatible or not, from the writer's schema to the reader's. */
  public static List<Change> changes(JsonSchemaDocument writer, JsonSchemaDocument reader, CheckOptions options) {
    try {
      return JsonSchemaDiff.diff(writer, reader, options.jsonPolicy(), Deadline.in(options.timeout()));
    } catch (StackOverflowError e) {
      throw SchemaException.tooDeep(reader.source().path(), "compare");
    }
  }

  /** A sentence for a change, read with the reader schema; {@code readerIsNew} for BACKWARD. */
  public static String describe(Change change, boolean readerIsNew, CheckOptions options) {
    return JsonMessages.message(change, readerIsNew, options.jsonPolicy());
  }
}
