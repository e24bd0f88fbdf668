package dev.evreg.compat.fuzz.avro;

import dev.evreg.compat.fuzz.Fuzz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/** Random generic data for an Avro schema, binary round trips through a resolving reader, and value comparison. */
public final class AvroData {

  private AvroData() {}

  /** A random datum of {@code s}; recursion ends through null, empty collections or scalar branches. */
  public static Object datum(Schema s, Random r, int depth) {
    if (depth > 40) {
      throw Fuzz.discard("datum recursion too deep");
    }
    switch (s.getType()) {
      case NULL:
        return null;
      case BOOLEAN:
        return r.nextBoolean();
      case INT:
        return edge(r) ? pick(r, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE) : r.nextInt();
      case LONG:
        return edge(r) ? pick(r, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE) : r.nextLong();
      case FLOAT:
        return edge(r) ? pick(r, 0f, -0f, Float.NaN, Float.MAX_VALUE, Float.MIN_VALUE) : r.nextFloat() * 1000 - 500;
      case DOUBLE:
        return edge(r) ? pick(r, 0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, 1e300) : r.nextDouble() * 1e6 - 5e5;
      case STRING:
        return string(r);
      case BYTES: {
        byte[] b = new byte[r.nextInt(6)];
        r.nextBytes(b);
        return ByteBuffer.wrap(b);
      }
      case FIXED: {
        byte[] b = new byte[s.getFixedSize()];
        r.nextBytes(b);
        return new GenericData.Fixed(s, b);
      }
      case ENUM:
        return new GenericData.EnumSymbol(s, s.getEnumSymbols().get(r.nextInt(s.getEnumSymbols().size())));
      case ARRAY: {
        int n = depth > 4 ? 0 : r.nextInt(4);
        List<Object> l = new GenericData.Array<>(n, s);
        for (int i = 0; i < n; i++) {
          l.add(datum(s.getElementType(), r, depth + 1));
        }
        return l;
      }
      case MAP: {
        int n = depth > 4 ? 0 : r.nextInt(4);
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < n; i++) {
          m.put(string(r), datum(s.getValueType(), r, depth + 1));
        }
        return m;
      }
      case UNION: {
        List<Schema> types = s.getTypes();
        Schema branch = types.get(r.nextInt(types.size()));
        if (depth > 4) {
          branch = types.stream().filter(t -> t.getType() != Schema.Type.RECORD).findFirst().orElse(branch);
        }
        return datum(branch, r, depth + 1);
      }
      case RECORD: {
        GenericData.Record rec = new GenericData.Record(s);
        for (Schema.Field f : s.getFields()) {
          rec.put(f.pos(), datum(f.schema(), r, depth + 1));
        }
        return rec;
      }
      default:
        throw new IllegalStateException(s.getType().toString());
    }
  }

  private static boolean edge(Random r) {
    return r.nextInt(5) == 0;
  }

  @SafeVarargs
  private static <X> X pick(Random r, X... xs) {
    return xs[r.nextInt(xs.length)];
  }

  private static String string(Random r) {
    int n = r.nextInt(6);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(6)) {
        case 0 -> b.append((char) ('a' + r.nextInt(26)));
        case 1 -> b.append("é");
        case 2 -> b.appendCodePoint(0x1F600 + r.nextInt(10));
        default -> b.append((char) ('0' + r.nextInt(10)));
      }
    }
    return b.toString();
  }

  public static byte[] encode(Schema writer, Object datum) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<Object>(writer).write(datum, enc);
      enc.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code bytes} written with {@code writer} as {@code reader} data, and checks every byte was used. */
  public static Object decode(Schema writer, Schema reader, byte[] bytes) throws IOException {
    BinaryDecoder dec = DecoderFactory.get().binaryDecoder(bytes, null);
    Object out = new GenericDatumReader<Object>(writer, reader).read(null, dec);
    if (!dec.isEnd()) {
      throw new IOException("the reader left bytes unread");
    }
    return out;
  }

  /**
   * Reads as {@link #decode} does, from a buffer with {@code slack} zero bytes after the datum,
   * and checks that exactly those were left: Avro 1.12's decoder refuses a collection whose item
   * count, times the reader's fixed item width, exceeds the bytes left in the buffer, which is
   * wrong for items promoted from a narrower varint (an int array read as floats).
   */
  public static Object decodeWithSlack(Schema writer, Schema reader, byte[] bytes) throws IOException {
    int slack = 64 + 8 * bytes.length;
    BinaryDecoder dec = DecoderFactory.get().binaryDecoder(java.util.Arrays.copyOf(bytes, bytes.length + slack), null);
    Object out = new GenericDatumReader<Object>(writer, reader).read(null, dec);
    if (dec.inputStream().available() != slack) {
      throw new IOException("the reader used " + (slack - dec.inputStream().available()) + " bytes past the datum");
    }
    return out;
  }

  /**
   * Whether a value read back with the same schema it was written with is the value written:
   * strings compare as text, bytes by content, floats with NaN equal to itself.
   */
  public static boolean same(Object a, Object b, Schema s) {
    switch (s.getType()) {
      case STRING:
      case ENUM:
        return Objects.equals(String.valueOf(a), String.valueOf(b));
      case BYTES:
        return ((ByteBuffer) a).duplicate().equals(((ByteBuffer) b).duplicate());
      case FIXED:
        return java.util.Arrays.equals(((GenericData.Fixed) a).bytes(), ((GenericData.Fixed) b).bytes());
      case FLOAT:
      case DOUBLE:
        return a.equals(b);
      case ARRAY: {
        List<?> x = new ArrayList<>((List<?>) a);
        List<?> y = new ArrayList<>((List<?>) b);
        if (x.size() != y.size()) {
          return false;
        }
        for (int i = 0; i < x.size(); i++) {
          if (!same(x.get(i), y.get(i), s.getElementType())) {
            return false;
          }
        }
        return true;
      }
      case MAP: {
        Map<String, Object> x = strings((Map<?, ?>) a);
        Map<String, Object> y = strings((Map<?, ?>) b);
        if (!x.keySet().equals(y.keySet())) {
          return false;
        }
        return x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k), s.getValueType()));
      }
      case UNION: {
        int i = GenericData.get().resolveUnion(s, a);
        int j = GenericData.get().resolveUnion(s, b);
        return i == j && same(a, b, s.getTypes().get(i));
      }
      case RECORD: {
        GenericRecord x = (GenericRecord) a;
        GenericRecord y = (GenericRecord) b;
        for (Schema.Field f : s.getFields()) {
          if (!same(x.get(f.pos()), y.get(f.pos()), f.schema())) {
            return false;
          }
        }
        return true;
      }
      default:
        return Objects.equals(a, b);
    }
  }

  private static Map<String, Object> strings(Map<?, ?> m) {
    Map<String, Object> out = new HashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
