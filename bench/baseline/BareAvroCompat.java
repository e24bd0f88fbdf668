import java.io.File;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** The floor for `evreg compat`: parse two .avsc files with Avro and call its checker, nothing else. */
public final class BareAvroCompat {
  public static void main(String[] args) throws Exception {
    Schema writer = new Schema.Parser().parse(new File(args[0]));
    Schema reader = new Schema.Parser().parse(new File(args[1]));
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    System.out.println(result.getType());
    System.exit(result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE ? 0 : 1);
  }
}
