package dev.evreg.compat.protobuf;

import com.squareup.wire.schema.CoreLoader;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives wire's linker the syntax trees evreg already parsed, so that no file is parsed twice,
 * and wire's bundled files (descriptor.proto is 62 KB) from trees parsed once per process.
 */
final class ParsedFilesLoader implements Loader {

  private static final Map<String, ProtoFileElement> BUNDLED = new ConcurrentHashMap<>();

  private final Map<String, ProtoFileElement> parsed;

  ParsedFilesLoader(Map<String, ProtoFileElement> parsed) {
    this.parsed = parsed;
  }

  @Override
  public ProtoFile load(String path) {
    ProtoFileElement element = parsed.get(path);
    if (element == null) {
      element = BUNDLED.computeIfAbsent(path, ParsedFilesLoader::parseBundled);
    }
    // A fresh ProtoFile each time: linking mutates it, the element is immutable.
    return ProtoFile.Companion.get(element);
  }

  @Override
  public Loader withErrors(ErrorCollector errors) {
    return this;
  }

  private static ProtoFileElement parseBundled(String path) {
    try (InputStream in = CoreLoader.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("unable to find " + path);
      }
      return ProtoParser.Companion.parse(Location.get(path), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
