package dev.evreg.compat.fuzz.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.squareup.wire.schema.internal.SchemaEncoder;
import dev.evreg.compat.fuzz.Fuzz;
import dev.evreg.compat.protobuf.ProtoSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * protobuf-java descriptors for files evreg parsed (wire's own encoding of its model as a
 * FileDescriptorProto), random DynamicMessages for a descriptor, and the comparison of a
 * message with its re-read under another descriptor.
 */
final class ProtoMessages {

  private ProtoMessages() {}

  /** The descriptor of a parsed file, or a discard when protobuf-java refuses what wire accepted. */
  static Descriptors.FileDescriptor descriptor(ProtoSchema schema) {
    try {
      byte[] bytes = new SchemaEncoder(schema.schema()).encode(schema.file()).toByteArray();
      DescriptorProtos.FileDescriptorProto proto = DescriptorProtos.FileDescriptorProto.parseFrom(bytes);
      return Descriptors.FileDescriptor.buildFrom(proto, new Descriptors.FileDescriptor[0]);
    } catch (Exception e) {
      throw Fuzz.discard("protobuf-java refuses the descriptor (" + e.getClass().getSimpleName() + ": "
          + Fuzz.shape(e.getMessage()) + ")");
    }
  }

  /** A random message: each field set or not, one member per oneof, required fields always set. */
  static DynamicMessage message(Descriptors.Descriptor d, Random r, int depth) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
    for (Descriptors.OneofDescriptor o : d.getRealOneofs()) {
      if (r.nextInt(3) > 0) {
        Descriptors.FieldDescriptor f = o.getField(r.nextInt(o.getFieldCount()));
        b.setField(f, value(f, r, depth));
      }
    }
    for (Descriptors.FieldDescriptor f : d.getFields()) {
      if (f.getRealContainingOneof() != null) {
        continue;
      }
      boolean set = f.isRequired() || (depth < 3 && r.nextInt(3) > 0) || (depth >= 3 && r.nextInt(4) == 0 && !isMessage(f));
      if (!set) {
        continue;
      }
      if (f.isRepeated()) {
        int n = depth > 2 ? r.nextInt(2) : r.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.addRepeatedField(f, f.isMapField() ? mapEntry(f, r, depth, i) : value(f, r, depth));
        }
      } else {
        b.setField(f, value(f, r, depth));
      }
    }
    return b.buildPartial();
  }

  private static boolean isMessage(Descriptors.FieldDescriptor f) {
    return f.getJavaType() == Descriptors.FieldDescriptor.JavaType.MESSAGE;
  }

  private static DynamicMessage mapEntry(Descriptors.FieldDescriptor f, Random r, int depth, int i) {
    Descriptors.Descriptor entry = f.getMessageType();
    Descriptors.FieldDescriptor key = entry.findFieldByNumber(1);
    Descriptors.FieldDescriptor value = entry.findFieldByNumber(2);
    Object k = switch (key.getJavaType()) {
      case STRING -> "k" + i;
      case BOOLEAN -> i % 2 == 0;
      case LONG -> (long) i;
      default -> i;
    };
    return DynamicMessage.newBuilder(entry).setField(key, k).setField(value, value(value, r, depth)).buildPartial();
  }

  private static Object value(Descriptors.FieldDescriptor f, Random r, int depth) {
    switch (f.getJavaType()) {
      case INT:
        return r.nextInt(4) == 0 ? (r.nextBoolean() ? -1 : Integer.MAX_VALUE) : r.nextInt(1000);
      case LONG:
        return r.nextInt(4) == 0 ? (r.nextBoolean() ? -1L : Long.MAX_VALUE) : (long) r.nextInt(100000);
      case FLOAT:
        return r.nextFloat() * 100;
      case DOUBLE:
        return r.nextDouble() * 1e6;
      case BOOLEAN:
        return r.nextBoolean();
      case STRING:
        return r.nextBoolean() ? "s" + r.nextInt(100) : "é" + (char) ('a' + r.nextInt(26));
      case BYTE_STRING: {
        byte[] b = new byte[r.nextInt(4)];
        r.nextBytes(b);
        return ByteString.copyFrom(b);
      }
      case ENUM: {
        Descriptors.EnumDescriptor e = f.getEnumType();
        if (!e.isClosed() && r.nextInt(6) == 0) {
          return e.findValueByNumberCreatingIfUnknown(77);
        }
        return e.getValues().get(r.nextInt(e.getValues().size()));
      }
      default:
        if (depth > 5) {
          return DynamicMessage.newBuilder(f.getMessageType()).buildPartial();
        }
        return message(f.getMessageType(), r, depth + 1);
    }
  }

  /**
   * Checks that every field {@code written} sets whose number the reader's message also has,
   * with the same type (kind, message or enum full name, cardinality, map or not), reads back
   * with the same value; enum values the reader's enum lacks are not compared (a reader keeps
   * only the values it knows).
   */
  static void sameKnownFields(DynamicMessage written, DynamicMessage read, String where) {
    Descriptors.Descriptor rd = read.getDescriptorForType();
    for (Descriptors.FieldDescriptor wf : written.getDescriptorForType().getFields()) {
      Descriptors.FieldDescriptor rf = rd.findFieldByNumber(wf.getNumber());
      if (rf == null || !sameType(wf, rf)) {
        continue;
      }
      String at = where + "." + rf.getName();
      if (wf.isRepeated()) {
        List<Object> a = list(written, wf);
        if (closedEnum(rf)) {
          a.removeIf(v -> unknownTo(rf, v));
        }
        List<Object> b = list(read, rf);
        if (wf.isMapField()) {
          java.util.Map<Object, Object> x = entries(a);
          java.util.Map<Object, Object> y = entries(b);
          if (!x.keySet().equals(y.keySet())) {
            throw new AssertionError("map field " + at + " read back with keys " + y.keySet() + ", written with " + x.keySet());
          }
          Descriptors.FieldDescriptor value = wf.getMessageType().findFieldByNumber(2);
          for (Object k : x.keySet()) {
            same(value, x.get(k), y.get(k), at + "[" + k + "]");
          }
          continue;
        }
        if (a.size() != b.size()) {
          throw new AssertionError("repeated field " + at + " read back with " + b.size() + " values, written with " + a.size());
        }
        for (int i = 0; i < a.size(); i++) {
          same(wf, a.get(i), b.get(i), at + "[" + i + "]");
        }
      } else if (written.hasField(wf)) {
        if (closedEnum(rf) && unknownTo(rf, written.getField(wf))) {
          continue;
        }
        if (!read.hasField(rf) && rf.hasPresence()) {
          if (!isMessage(wf) || !((DynamicMessage) written.getField(wf)).toByteString().isEmpty()) {
            throw new AssertionError("field " + at + " was written but reads as unset");
          }
          continue;
        }
        same(wf, written.getField(wf), read.getField(rf), at);
      }
    }
  }

  /** A proto2 enum field: its reader drops values it does not know (into the unknown fields). */
  private static boolean closedEnum(Descriptors.FieldDescriptor f) {
    return f.getJavaType() == Descriptors.FieldDescriptor.JavaType.ENUM && f.getEnumType().isClosed();
  }

  private static boolean unknownTo(Descriptors.FieldDescriptor f, Object v) {
    return v instanceof Descriptors.EnumValueDescriptor e && f.getEnumType().findValueByNumber(e.getNumber()) == null;
  }

  private static List<Object> list(DynamicMessage m, Descriptors.FieldDescriptor f) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < m.getRepeatedFieldCount(f); i++) {
      out.add(m.getRepeatedField(f, i));
    }
    return out;
  }

  /** Map entries by key (the last entry of a key wins, as parsers keep it). */
  private static java.util.Map<Object, Object> entries(List<Object> list) {
    java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
    for (Object e : list) {
      DynamicMessage m = (DynamicMessage) e;
      Descriptors.Descriptor d = m.getDescriptorForType();
      out.put(m.getField(d.findFieldByNumber(1)), m.getField(d.findFieldByNumber(2)));
    }
    return out;
  }

  private static void same(Descriptors.FieldDescriptor wf, Object a, Object b, String at) {
    if (isMessage(wf)) {
      sameKnownFields((DynamicMessage) a, (DynamicMessage) b, at);
      return;
    }
    if (a instanceof Descriptors.EnumValueDescriptor ea && b instanceof Descriptors.EnumValueDescriptor eb) {
      if (ea.getNumber() != eb.getNumber() && eb.getType().findValueByNumber(ea.getNumber()) != null) {
        throw new AssertionError("enum field " + at + " read back as " + eb.getNumber() + ", written as " + ea.getNumber());
      }
      return;
    }
    if (!Objects.equals(a, b)) {
      throw new AssertionError("field " + at + " read back as " + b + ", written as " + a);
    }
  }

  /**
   * Whether a singular field the writer set reads back, under the same number, as another value
   * (of whatever type: numbers compared as numbers, enums by number, bool as 0 or 1, strings by
   * their UTF-8 bytes), here or in a nested message: for witnesses of type changes.
   */
  static boolean valueChanged(DynamicMessage written, DynamicMessage read) {
    Descriptors.Descriptor rd = read.getDescriptorForType();
    for (Descriptors.FieldDescriptor wf : written.getDescriptorForType().getFields()) {
      Descriptors.FieldDescriptor rf = rd.findFieldByNumber(wf.getNumber());
      if (rf == null || wf.isRepeated() || rf.isRepeated() || !written.hasField(wf)) {
        continue;
      }
      Object a = written.getField(wf);
      Object b = read.getField(rf);
      if (a instanceof DynamicMessage x && b instanceof DynamicMessage y) {
        if (valueChanged(x, y)) {
          return true;
        }
      } else if (!(a instanceof DynamicMessage) && !(b instanceof DynamicMessage) && !normal(a).equals(normal(b))) {
        return true;
      } else if (a instanceof DynamicMessage != b instanceof DynamicMessage) {
        return true;
      }
    }
    return false;
  }

  private static Object normal(Object v) {
    if (v instanceof Descriptors.EnumValueDescriptor e) {
      return java.math.BigDecimal.valueOf(e.getNumber());
    }
    if (v instanceof Boolean b) {
      return java.math.BigDecimal.valueOf(b ? 1 : 0);
    }
    if ((v instanceof Float f && (f.isNaN() || f.isInfinite())) || (v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
      return v.toString();
    }
    if (v instanceof Number n) {
      return new java.math.BigDecimal(n.toString()).stripTrailingZeros();
    }
    if (v instanceof String s) {
      return ByteString.copyFromUtf8(s);
    }
    return v;
  }

  /** Same kind of value, same message or enum by full name, same cardinality. */
  static boolean sameType(Descriptors.FieldDescriptor a, Descriptors.FieldDescriptor b) {
    if (a.getType() != b.getType() || a.isRepeated() != b.isRepeated() || a.isMapField() != b.isMapField()) {
      return false;
    }
    if (a.isMapField()) {
      return sameType(a.getMessageType().findFieldByNumber(1), b.getMessageType().findFieldByNumber(1))
          && sameType(a.getMessageType().findFieldByNumber(2), b.getMessageType().findFieldByNumber(2));
    }
    if (a.getJavaType() == Descriptors.FieldDescriptor.JavaType.MESSAGE) {
      return a.getMessageType().getFullName().equals(b.getMessageType().getFullName());
    }
    if (a.getJavaType() == Descriptors.FieldDescriptor.JavaType.ENUM) {
      return a.getEnumType().getFullName().equals(b.getEnumType().getFullName());
    }
    return true;
  }
}
