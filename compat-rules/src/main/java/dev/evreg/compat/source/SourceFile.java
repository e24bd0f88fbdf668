package dev.evreg.compat.source;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;

/** The text of one schema file and the name it is reported under. */
public record SourceFile(String path, String text) {

  public SourceFile {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(text, "text == null");
  }

  /** Reads a UTF-8 file, refusing files larger than {@code maxBytes} before reading them. */
  public static SourceFile read(Path file, String displayPath, long maxBytes) {
    try {
      if (Files.isDirectory(file)) {
        throw new SchemaException(displayPath, 0, 0, "is a directory, not a schema file");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new SchemaException(displayPath, 0, 0, "is not a regular file (a pipe, socket or device); evreg reads schema files");
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new SchemaException(displayPath, 0, 0, String.format(Locale.ROOT,
            "is %s, larger than the %s evreg reads as one schema (raise it with --max-schema-size)",
            humanSize(size), humanSize(maxBytes)));
      }
      return new SourceFile(displayPath, decode(displayPath, Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      throw new SchemaException(displayPath, 0, 0, "no such file");
    } catch (IOException e) {
      throw new SchemaException(displayPath, 0, 0, "cannot be read: " + e.getMessage());
    }
  }

  /** Decodes UTF-8 strictly (dropping a byte-order mark), naming the position of the first invalid byte. */
  public static String decode(String displayPath, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      String prefix = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      Position p = Position.at(prefix, prefix.length());
      throw new SchemaException(displayPath, p.line(), p.column(),
          String.format(Locale.ROOT, "invalid UTF-8 (byte 0x%02x); schema files must be UTF-8 text", bytes[bad] & 0xff));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static String humanSize(long bytes) {
    if (bytes >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
    if (bytes >= 1 << 10) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return bytes + " bytes";
  }
}
