package dev.evreg.registry.git;

import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.model.RecordType;
import dev.evreg.compat.protobuf.DiskProtoSources;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import dev.evreg.registry.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;

/** Parses schema files stored in git: a blob, read as the format its path names, in a commit's tree. */
public final class BlobParser {

  private final ObjectReader reader;
  private final List<String> schemaRoots;
  private final SchemaReader schemas = new SchemaReader(SchemaReader.Options.DEFAULTS);

  public BlobParser(ObjectReader reader, List<String> schemaRoots) {
    this.reader = reader;
    this.schemaRoots = List.copyOf(schemaRoots);
  }

  /**
   * Parses {@code blob} found at {@code path} in {@code tree} (which resolves Protobuf imports);
   * {@code label} prefixes the path in messages and locations, such as {@code 1a2b3c4:}.
   */
  public ParsedSchema parse(RevTree tree, String label, String path, ObjectId blob, SchemaFormat format) {
    String display = label + path;
    SourceFile source = new SourceFile(display, SourceFile.decode(display, bytes(reader, blob, display)));
    if (format == SchemaFormat.PROTOBUF) {
      String packageName = DiskProtoSources.packageOf(source.text());
      return schemas.parseProto(source, GitProtoSources.importName(path, packageName),
          new GitProtoSources(reader, tree, label, path, packageName, schemaRoots));
    }
    return schemas.parse(source, format);
  }

  /** What the index keeps of a parse: the fingerprint of the canonical form and the record name. */
  public static HistoryIndex.BlobInfo info(ParsedSchema schema) {
    String name = null;
    try {
      RecordType event = schema.view().event();
      name = event == null ? null : event.fullName();
    } catch (RuntimeException e) {
      // no record name: subjects are then named by path
    }
    return new HistoryIndex.BlobInfo(Fingerprint.of(schema.canonical()), name, null);
  }

  /** A schema blob's bytes, up to the size evreg reads as one schema ({@code display} names it in the error). */
  public static byte[] bytes(ObjectReader reader, ObjectId blob, String display) {
    try {
      return reader.open(blob).getCachedBytes((int) SchemaReader.Options.DEFAULT_MAX_BYTES);
    } catch (LargeObjectException e) {
      throw new SchemaException(display, 0, 0, "is larger than the " + (SchemaReader.Options.DEFAULT_MAX_BYTES >> 20)
          + " MB evreg reads as one schema");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
