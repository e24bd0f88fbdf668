package dev.evreg.compat.protobuf;

import static dev.evreg.compat.protobuf.ProtoChange.*;

import com.squareup.wire.schema.EnumConstant;
import com.squareup.wire.schema.EnumType;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.OneOf;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Type;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import dev.evreg.compat.Location;
import dev.evreg.compat.source.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The changes from one version of a {@code .proto} file to the next, old to new. Messages and
 * enums are matched by their name inside the package (so a package change is reported once),
 * at any depth; fields by number across the whole message, oneof membership aside; enum values
 * by number. Map fields compare key and value types and their entry messages are never reported.
 * Only the file's own types are walked: imported files are compared as files of their own.
 */
public final class ProtoDiff {

  /**
   * One change: its type; a sentence without its final period naming the element and both
   * values; where the element is in the new file and where it was in the old one (the enclosing
   * element when it exists on one side only).
   */
  public record Change(ProtoChange type, String description, Location location, Location previous) {}

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");

  private enum Kind { SCALAR, MESSAGE, MAP }

  private enum Cardinality { SINGULAR, REPEATED, REQUIRED }

  private final ProtoSchema old;
  private final ProtoSchema neu;
  private final List<Change> changes = new ArrayList<>();
  private final Set<String> walkedPairs = new HashSet<>();

  private ProtoDiff(ProtoSchema old, ProtoSchema neu) {
    this.old = old;
    this.neu = neu;
  }

  /** Every change from {@code old} to {@code neu}, in the order of the files' declarations. */
  public static List<Change> compare(ProtoSchema old, ProtoSchema neu) {
    ProtoDiff diff = new ProtoDiff(old, neu);
    diff.files(old.file(), neu.file());
    return List.copyOf(diff.changes);
  }

  private void files(ProtoFile of, ProtoFile nf) {
    String op = Objects.toString(of.getPackageName(), "");
    String np = Objects.toString(nf.getPackageName(), "");
    Location newFile = fileStart(neu);
    Location oldFile = fileStart(old);
    if (!op.equals(np)) {
      add(PACKAGE_CHANGED, "The package changed from " + packageText(op) + " to " + packageText(np),
          packageLocation(neu, newFile), packageLocation(old, oldFile));
    }
    types(of.getTypes(), nf.getTypes(), newFile, oldFile);
  }

  // ---- messages and enums, matched by simple name among siblings

  private void types(List<Type> olds, List<Type> news, Location newParent, Location oldParent) {
    Map<String, Type> oldByName = byName(olds);
    Map<String, Type> newByName = byName(news);
    List<String> oldMessages = messageNames(olds);
    List<String> newMessages = messageNames(news);
    for (Type n : news) {
      String name = n.getType().getSimpleName();
      Type o = oldByName.get(name);
      if (n instanceof MessageType nm) {
        if (o instanceof MessageType om) {
          message(om, nm);
          if (oldMessages.indexOf(name) != newMessages.indexOf(name)) {
            add(MESSAGE_MOVED, "Message " + q(nm.getType()) + " moved from position " + (oldMessages.indexOf(name) + 1)
                + " to " + (newMessages.indexOf(name) + 1), at(neu, nm), at(old, om));
          }
        } else {
          add(MESSAGE_ADDED, "Message " + q(nm.getType()) + " was added", at(neu, nm), oldParent);
        }
      } else if (n instanceof EnumType ne) {
        if (o instanceof EnumType oe) {
          enums(oe, ne);
        } else {
          add(ENUM_ADDED, "Enum " + q(ne.getType()) + " was added", at(neu, ne), oldParent);
        }
      }
    }
    for (Type o : olds) {
      Type n = newByName.get(o.getType().getSimpleName());
      if (o instanceof MessageType && !(n instanceof MessageType)) {
        add(MESSAGE_REMOVED, "Message " + q(o.getType()) + " was removed", newParent, at(old, o));
      } else if (o instanceof EnumType && !(n instanceof EnumType)) {
        add(ENUM_REMOVED, "Enum " + q(o.getType()) + " was removed", newParent, at(old, o));
      }
    }
  }

  private void message(MessageType om, MessageType nm) {
    if (!walkedPairs.add(om.getType() + " " + nm.getType())) {
      return;
    }
    Map<Integer, Field> of = fields(om);
    Map<Integer, Field> nf = fields(nm);
    Map<Integer, String> oldOneof = oneofByTag(om);
    Map<Integer, String> newOneof = oneofByTag(nm);
    Set<String> oldOneofs = om.getOneOfs().stream().map(OneOf::getName).collect(Collectors.toSet());
    Set<String> newOneofs = nm.getOneOfs().stream().map(OneOf::getName).collect(Collectors.toSet());
    Reserveds oldReserved = Reserveds.of(om.toElement().getReserveds(), Reserveds.FIELD_NUMBER_MAX);
    Reserveds newReserved = Reserveds.of(nm.toElement().getReserveds(), Reserveds.FIELD_NUMBER_MAX);
    Location mNew = at(neu, nm);
    Location mOld = at(old, om);

    for (Map.Entry<Integer, Field> e : of.entrySet()) {
      Field n = nf.get(e.getKey());
      if (n != null) {
        field(om, nm, e.getValue(), n);
      }
    }

    Map<String, Field> newByName = new LinkedHashMap<>();
    nf.values().forEach(f -> newByName.put(f.getName(), f));
    for (Field o : of.values()) {
      int tag = o.getTag();
      if (nf.containsKey(tag)) {
        continue;
      }
      Location was = at(old, om, o);
      String oneof = oldOneof.get(tag);
      String what = (o.isRequired() ? "Required field " : "Field ") + ref(o) + " was removed from "
          + (oneof == null ? "" : "oneof " + q(oneof) + " on ") + "message " + q(nm.getType());
      if (oneof == null) {
        add(o.isRequired() ? REQUIRED_FIELD_REMOVED : FIELD_REMOVED, what, mNew, was);
      } else if (newOneofs.contains(oneof)) {
        add(ONEOF_FIELD_REMOVED, what, oneofAt(neu, nm, oneof), was);
      } else {
        add(FIELD_REMOVED, what, mNew, was);
      }
      Field renumbered = newByName.get(o.getName());
      if (renumbered != null && !of.containsKey(renumbered.getTag())) {
        add(FIELD_NUMBER_CHANGED, "Field " + q(o.getName()) + " on message " + q(nm.getType()) + " changed number from "
            + q(tag) + " to " + q(renumbered.getTag()), at(neu, nm, renumbered), was);
        continue;
      }
      if (!newReserved.hasNumber(tag)) {
        add(FIELD_REMOVED_WITHOUT_RESERVATION, what + " without reserving its number " + tag, mNew, was);
      }
      if (!newReserved.hasName(o.getName())) {
        add(FIELD_REMOVED_WITHOUT_NAME_RESERVATION, what + " without reserving its name " + q(o.getName()), mNew, was);
      }
    }

    for (Field n : nf.values()) {
      int tag = n.getTag();
      Location now = at(neu, nm, n);
      if (!of.containsKey(tag)) {
        String oneof = newOneof.get(tag);
        if (oneof == null) {
          add(n.isRequired() ? REQUIRED_FIELD_ADDED : FIELD_ADDED, (n.isRequired() ? "Required field " : "Field ")
              + ref(n) + " was added to message " + q(nm.getType()), now, mOld);
        } else if (oldOneofs.contains(oneof)) {
          add(ONEOF_FIELD_ADDED, fieldName(n) + " was added to oneof " + q(oneof) + " on message " + q(nm.getType()),
              now, oneofAt(old, om, oneof));
        } else {
          add(FIELD_ADDED, fieldName(n) + " was added to message " + q(nm.getType()), now, mOld);
        }
        if (oldReserved.hasNumber(tag)) {
          add(RESERVED_NUMBER_REUSED, fieldName(n) + " on message " + q(nm.getType()) + " uses number " + tag
              + ", which the previous version reserved", now, reservedAt(old, oldReserved.numberElement(tag), om));
        }
      }
      if (oldReserved.hasName(n.getName())) {
        add(RESERVED_NAME_REUSED, fieldName(n) + " on message " + q(nm.getType()) + " uses the name " + q(n.getName())
            + ", which the previous version reserved", now, reservedAt(old, oldReserved.nameElement(n.getName()), om));
      }
    }

    oneofMoves(om, nm, of, nf, oldOneof, newOneof);
    for (OneOf o : nm.getOneOfs()) {
      if (!oldOneofs.contains(o.getName())) {
        add(ONEOF_ADDED, "Oneof " + q(o.getName()) + " was added to message " + q(nm.getType()),
            oneofAt(neu, nm, o.getName()), mOld);
      }
    }
    for (OneOf o : om.getOneOfs()) {
      if (!newOneofs.contains(o.getName())) {
        add(ONEOF_REMOVED, "Oneof " + q(o.getName()) + " was removed from message " + q(nm.getType()), mNew,
            oneofAt(old, om, o.getName()));
      }
    }
    reserved("message", nm.getType(), oldReserved, newReserved, mNew, om);
    types(om.getNestedTypes(), nm.getNestedTypes(), mNew, mOld);
  }

  /** Fields that changed oneof membership, grouped as the registry groups them. */
  private void oneofMoves(MessageType om, MessageType nm, Map<Integer, Field> of, Map<Integer, Field> nf,
      Map<Integer, String> oldOneof, Map<Integer, String> newOneof) {
    String msg = " on message " + q(nm.getType());
    for (OneOf y : nm.getOneOfs()) {
      List<Field> movedIn = new ArrayList<>();
      List<Field> earlier = new ArrayList<>();
      for (Field f : y.getFields()) {
        if (of.containsKey(f.getTag())) {
          (oldOneof.containsKey(f.getTag()) ? earlier : movedIn).add(f);
        }
      }
      if (movedIn.size() > 1) {
        add(MULTIPLE_FIELDS_MOVED_TO_ONEOF, "Fields " + list(movedIn) + msg + " moved into oneof " + q(y.getName()),
            oneofAt(neu, nm, y.getName()), at(old, om, of.get(movedIn.get(0).getTag())));
      } else if (movedIn.size() == 1) {
        Field f = movedIn.get(0);
        if (earlier.isEmpty()) {
          add(FIELD_MOVED_TO_ONEOF, fieldName(f) + msg + " moved into oneof " + q(y.getName()),
              at(neu, nm, f), at(old, om, of.get(f.getTag())));
        } else {
          add(FIELD_MOVED_TO_EXISTING_ONEOF, fieldName(f) + msg + " moved into oneof " + q(y.getName())
              + ", which already holds " + list(earlier), at(neu, nm, f), at(old, om, of.get(f.getTag())));
        }
      }
    }
    for (OneOf x : om.getOneOfs()) {
      List<Field> movedOut = new ArrayList<>();
      List<Field> shared = new ArrayList<>();
      for (Field f : x.getFields()) {
        if (nf.containsKey(f.getTag())) {
          (newOneof.containsKey(f.getTag()) ? shared : movedOut).add(nf.get(f.getTag()));
        }
      }
      if (movedOut.size() > 1) {
        add(MULTIPLE_FIELDS_MOVED_OUT_OF_ONEOF, "Fields " + list(movedOut) + msg + " moved out of oneof " + q(x.getName()),
            at(neu, nm, movedOut.get(0)), oneofAt(old, om, x.getName()));
      } else if (movedOut.size() == 1) {
        Field f = movedOut.get(0);
        if (shared.isEmpty()) {
          add(ONEOF_FIELD_MOVED_TO_TOP_LEVEL, fieldName(f) + msg + " moved out of oneof " + q(x.getName()),
              at(neu, nm, f), at(old, om, of.get(f.getTag())));
        } else {
          add(FIELD_MOVED_OUT_OF_SHARED_ONEOF, fieldName(f) + msg + " moved out of oneof " + q(x.getName())
              + ", while " + list(shared) + (shared.size() == 1 ? " stays" : " stay") + " in a oneof", at(neu, nm, f), at(old, om, of.get(f.getTag())));
        }
      }
    }
    for (Map.Entry<Integer, Field> e : nf.entrySet()) {
      String was = oldOneof.get(e.getKey());
      String now = newOneof.get(e.getKey());
      if (was != null && now != null && !was.equals(now)) {
        add(FIELD_MOVED_TO_OTHER_ONEOF, fieldName(e.getValue()) + msg + " moved from oneof " + q(was) + " to oneof " + q(now),
            at(neu, nm, e.getValue()), at(old, om, of.get(e.getKey())));
      }
    }
  }

  // ---- one field present in both versions

  private void field(MessageType om, MessageType nm, Field o, Field n) {
    Location now = at(neu, nm, n);
    Location was = at(old, om, o);
    String subject = fieldName(n) + " on message " + q(nm.getType());
    if (!o.getName().equals(n.getName())) {
      add(FIELD_NAME_CHANGED, "Field " + q(n.getTag()) + " on message " + q(nm.getType()) + " changed name from "
          + q(o.getName()) + " to " + q(n.getName()), now, was);
    }
    String oj = jsonName(o);
    String nj = jsonName(n);
    if (!oj.equals(nj) && (o.getName().equals(n.getName()) || o.getDeclaredJsonName() != null || n.getDeclaredJsonName() != null)) {
      add(FIELD_JSON_NAME_CHANGED, subject + " changed its JSON name from " + q(oj) + " to " + q(nj), now, was);
    }
    boolean typeChanged = fieldTypes(o.getType(), n.getType(), subject, "type", now, was);
    if (o.getType().isMap() || n.getType().isMap()) {
      return;
    }
    labels(o, n, subject, typeChanged, now, was);
  }

  /** Compares two field (or map key or value) types; true when a change was reported. */
  private boolean fieldTypes(ProtoType ot, ProtoType nt, String subject, String part, Location now, Location was) {
    Kind ok = kind(old, ot);
    Kind nk = kind(neu, nt);
    String changed = subject + " changed " + part + " from " + q(display(old, ot)) + " to " + q(display(neu, nt));
    if (ok != nk) {
      add(FIELD_KIND_CHANGED, changed, now, was);
      return true;
    }
    switch (ok) {
      case MAP -> {
        boolean key = fieldTypes(ot.getKeyType(), nt.getKeyType(), subject, "map key type", now, was);
        boolean value = fieldTypes(ot.getValueType(), nt.getValueType(), subject, "map value type", now, was);
        return key || value;
      }
      case MESSAGE -> {
        String on = ot.toString();
        String nn = nt.toString();
        if (on.equals(nn)) {
          return false;
        }
        if (!localName(old, ot).equals(localName(neu, nt))) {
          add(FIELD_NAMED_TYPE_CHANGED, changed, now, was);
        } else {
          add(FIELD_NAMED_TYPE_PACKAGE_CHANGED, changed, now, was);
          if (old.schema().getType(ot) instanceof MessageType om && neu.schema().getType(nt) instanceof MessageType nm) {
            message(om, nm);
          }
        }
        return true;
      }
      default -> {
        return scalars(ot, nt, changed, now, was);
      }
    }
  }

  private boolean scalars(ProtoType ot, ProtoType nt, String changed, Location now, Location was) {
    EnumType oe = enumOf(old, ot);
    EnumType ne = enumOf(neu, nt);
    if (!registryGroup(ot, oe).equals(registryGroup(nt, ne))) {
      add(FIELD_SCALAR_KIND_CHANGED, changed, now, was);
    } else if (oe != null && ne != null) {
      if (ot.equals(nt) || enumExtends(oe, ne)) {
        return false;
      }
      add(FIELD_ENUM_TYPE_CHANGED, changed, now, was);
    } else if (oe != null || ne != null) {
      add(FIELD_ENUM_KIND_CHANGED, changed, now, was);
    } else if (ot.equals(nt)) {
      return false;
    } else if (ot.equals(ProtoType.STRING) && nt.equals(ProtoType.BYTES)) {
      add(FIELD_STRING_CHANGED_TO_BYTES, changed, now, was);
    } else if (ot.equals(ProtoType.BYTES) && nt.equals(ProtoType.STRING)) {
      add(FIELD_BYTES_CHANGED_TO_STRING, changed, now, was);
    } else if (!jsonGroup(ot).equals(jsonGroup(nt))) {
      add(FIELD_JSON_TYPE_CHANGED, changed, now, was);
    } else {
      return false;
    }
    return true;
  }

  /** The registry's label facts (labels compared only when both fields carry one) and the wire's cardinality facts. */
  private void labels(Field o, Field n, String subject, boolean typeChanged, Location now, Location was) {
    Field.Label ol = label(o);
    Field.Label nl = label(n);
    String from = labelText(o);
    String to = labelText(n);
    if (ol != null && nl != null && ol != nl && !typeChanged && kind(old, o.getType()) == Kind.SCALAR) {
      boolean stringOrBytes = o.getType().equals(ProtoType.STRING) || o.getType().equals(ProtoType.BYTES);
      add(stringOrBytes ? FIELD_STRING_OR_BYTES_LABEL_CHANGED : FIELD_NUMERIC_LABEL_CHANGED,
          subject + " changed label from " + q(from) + " to " + q(to), now, was);
    }
    Cardinality oc = cardinality(o);
    Cardinality nc = cardinality(n);
    if (oc == nc) {
      return;
    }
    String changed = subject + " changed from " + from + " to " + to;
    if (oc == Cardinality.REQUIRED || nc == Cardinality.REQUIRED) {
      add(FIELD_REQUIRED_CHANGED, changed, now, was);
    } else if (packable(old, o.getType()) && packable(neu, n.getType()) && (nc == Cardinality.REPEATED ? n : o).isPacked()) {
      add(nc == Cardinality.REPEATED ? FIELD_NUMERIC_MADE_REPEATED : FIELD_NUMERIC_MADE_SINGULAR,
          changed + (nc == Cardinality.REPEATED ? " (packed)" : " (was packed)"), now, was);
    } else {
      add(FIELD_CARDINALITY_CHANGED, changed, now, was);
    }
  }

  // ---- enums

  private void enums(EnumType oe, EnumType ne) {
    Map<Integer, List<EnumConstant>> ob = byNumber(oe);
    Map<Integer, List<EnumConstant>> nb = byNumber(ne);
    // wire reads "max" in an enum's reserved range as the message maximum too
    Reserveds oldReserved = Reserveds.of(oe.toElement().getReserveds(), Reserveds.FIELD_NUMBER_MAX);
    Reserveds newReserved = Reserveds.of(ne.toElement().getReserveds(), Reserveds.FIELD_NUMBER_MAX);
    Location eNew = at(neu, ne);
    Location eOld = at(old, oe);
    String enumName = " on enum " + q(ne.getType());
    for (Map.Entry<Integer, List<EnumConstant>> e : nb.entrySet()) {
      int number = e.getKey();
      List<EnumConstant> olds = ob.get(number);
      EnumConstant first = e.getValue().get(0);
      Location now = at(neu, ne, first);
      if (olds == null) {
        add(ENUM_CONST_ADDED, "Enum value " + q(number) + " (" + names(e.getValue()) + ") was added to enum " + q(ne.getType()),
            now, eOld);
        if (oldReserved.hasNumber(number)) {
          add(RESERVED_NUMBER_REUSED, "Enum value " + q(first.getName()) + enumName + " uses number " + number
              + ", which the previous version reserved", now, reservedAt(old, oldReserved.numberElement(number), oe));
        }
      } else if (!constNames(e.getValue()).containsAll(constNames(olds))) {
        add(ENUM_CONST_CHANGED, "Enum value " + q(number) + enumName + " changed name from " + names(olds) + " to "
            + names(e.getValue()), now, at(old, oe, olds.get(0)));
      }
      for (EnumConstant c : e.getValue()) {
        if (oldReserved.hasName(c.getName())) {
          add(RESERVED_NAME_REUSED, "Enum value " + q(c.getName()) + enumName + " uses a name the previous version reserved",
              at(neu, ne, c), reservedAt(old, oldReserved.nameElement(c.getName()), oe));
        }
      }
    }
    for (Map.Entry<Integer, List<EnumConstant>> e : ob.entrySet()) {
      int number = e.getKey();
      if (nb.containsKey(number)) {
        continue;
      }
      Location was = at(old, oe, e.getValue().get(0));
      String what = "Enum value " + q(number) + " (" + names(e.getValue()) + ") was removed from enum " + q(ne.getType());
      add(ENUM_CONST_REMOVED, what, eNew, was);
      if (!newReserved.hasNumber(number)) {
        add(ENUM_CONST_REMOVED_WITHOUT_RESERVATION, what + " without reserving its number " + number, eNew, was);
      }
      if (!constNames(e.getValue()).stream().allMatch(newReserved::hasName)) {
        add(ENUM_CONST_REMOVED_WITHOUT_NAME_RESERVATION, what + " without reserving its name"
            + (e.getValue().size() == 1 ? " " : "s ") + names(e.getValue()), eNew, was);
      }
    }
    reserved("enum", ne.getType(), oldReserved, newReserved, eNew, oe);
  }

  private void reserved(String kind, ProtoType type, Reserveds olds, Reserveds news, Location now, Type oldType) {
    for (Reserveds.Range r : olds.ranges()) {
      List<int[]> missing = news.missing(r.start(), r.end());
      if (!missing.isEmpty()) {
        String gone = missing.stream().map(m -> olds.rangeText(m[0], m[1])).collect(Collectors.joining(", "));
        boolean whole = missing.size() == 1 && missing.get(0)[0] == r.start() && missing.get(0)[1] == r.end();
        add(RESERVED_RANGE_REMOVED, capitalize(kind) + " " + q(type) + " no longer reserves " + gone
            + (whole ? "" : " (it reserved " + olds.rangeText(r.start(), r.end()) + " before)"), now,
            reservedAt(old, r.element(), oldType));
      }
    }
    for (Map.Entry<String, ReservedElement> e : olds.names().entrySet()) {
      if (!news.hasName(e.getKey())) {
        add(RESERVED_NAME_REMOVED, capitalize(kind) + " " + q(type) + " no longer reserves the name " + q(e.getKey()), now,
            reservedAt(old, e.getValue(), oldType));
      }
    }
  }

  // ---- helpers

  private void add(ProtoChange type, String description, Location now, Location was) {
    changes.add(new Change(type, description, now, was));
  }

  private static Map<String, Type> byName(List<Type> types) {
    Map<String, Type> m = new LinkedHashMap<>();
    types.forEach(t -> m.put(t.getType().getSimpleName(), t));
    return m;
  }

  private static List<String> messageNames(List<Type> types) {
    return types.stream().filter(MessageType.class::isInstance).map(t -> t.getType().getSimpleName()).toList();
  }

  /** Fields by number, extensions left out (wire adds a message's extensions to its fields). */
  private static Map<Integer, Field> fields(MessageType m) {
    Map<Integer, Field> byTag = new TreeMap<>();
    for (Field f : m.getFieldsAndOneOfFields()) {
      if (!f.isExtension()) {
        byTag.put(f.getTag(), f);
      }
    }
    return byTag;
  }

  private static Map<Integer, String> oneofByTag(MessageType m) {
    Map<Integer, String> byTag = new TreeMap<>();
    for (OneOf o : m.getOneOfs()) {
      o.getFields().forEach(f -> byTag.put(f.getTag(), o.getName()));
    }
    return byTag;
  }

  private static Map<Integer, List<EnumConstant>> byNumber(EnumType e) {
    Map<Integer, List<EnumConstant>> m = new TreeMap<>();
    e.getConstants().forEach(c -> m.computeIfAbsent(c.getTag(), k -> new ArrayList<>()).add(c));
    return m;
  }

  private static Set<String> constNames(List<EnumConstant> constants) {
    return constants.stream().map(EnumConstant::getName).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String names(List<EnumConstant> constants) {
    return constants.stream().map(c -> q(c.getName())).collect(Collectors.joining(", "));
  }

  private static Kind kind(ProtoSchema s, ProtoType t) {
    if (t.isMap()) {
      return Kind.MAP;
    }
    return t.isScalar() || s.schema().getType(t) instanceof EnumType ? Kind.SCALAR : Kind.MESSAGE;
  }

  private static EnumType enumOf(ProtoSchema s, ProtoType t) {
    return t.isScalar() ? null : s.schema().getType(t) instanceof EnumType e ? e : null;
  }

  /** The registry's scalar groups: types of one group read each other's values on the wire. */
  private static String registryGroup(ProtoType t, EnumType e) {
    if (e != null) {
      return "varint";
    }
    return switch (t.toString()) {
      case "int32", "int64", "uint32", "uint64", "bool" -> "varint";
      case "sint32", "sint64" -> "zigzag";
      case "string", "bytes" -> "length-delimited";
      case "fixed32", "sfixed32" -> "fixed32";
      case "fixed64", "sfixed64" -> "fixed64";
      default -> t.toString();
    };
  }

  /** Types that the JSON encoding writes alike (and that share a wire group). */
  private static String jsonGroup(ProtoType t) {
    return switch (t.toString()) {
      case "int32", "uint32" -> "int32";
      case "int64", "uint64" -> "int64";
      case "fixed32", "sfixed32" -> "fixed32";
      case "fixed64", "sfixed64" -> "fixed64";
      default -> t.toString();
    };
  }

  /** buf's rule for an enum swapped for another: same simple name, and every previous value kept. */
  private static boolean enumExtends(EnumType oe, EnumType ne) {
    if (!oe.getType().getSimpleName().equals(ne.getType().getSimpleName())) {
      return false;
    }
    for (EnumConstant c : oe.getConstants()) {
      EnumConstant same = ne.constant(c.getName());
      if (same == null || same.getTag() != c.getTag()) {
        return false;
      }
    }
    return true;
  }

  private static boolean packable(ProtoSchema s, ProtoType t) {
    return kind(s, t) == Kind.SCALAR && !t.equals(ProtoType.STRING) && !t.equals(ProtoType.BYTES);
  }

  /** The label as written: null for a proto3 field without one and for oneof members. */
  private static Field.Label label(Field f) {
    return f.isOneOf() || f.getLabel() == Field.Label.ONE_OF ? null : f.getLabel();
  }

  private static String labelText(Field f) {
    Field.Label l = label(f);
    if (f.isOneOf()) {
      return "oneof member";
    }
    return l == null ? "singular" : l.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static Cardinality cardinality(Field f) {
    if (f.isRequired()) {
      return Cardinality.REQUIRED;
    }
    return f.isRepeated() ? Cardinality.REPEATED : Cardinality.SINGULAR;
  }

  /** The name a type has inside its package: {@code Outer.Inner} for {@code acme.v1.Outer.Inner}. */
  private static String localName(ProtoSchema s, ProtoType t) {
    ProtoFile f = s.schema().protoFile(t);
    String pkg = f == null || f.getPackageName() == null ? "" : f.getPackageName();
    String full = t.toString();
    return !pkg.isEmpty() && full.startsWith(pkg + ".") ? full.substring(pkg.length() + 1) : full;
  }

  private static String display(ProtoSchema s, ProtoType t) {
    if (t.isMap()) {
      return "map<" + display(s, t.getKeyType()) + ", " + display(s, t.getValueType()) + ">";
    }
    return t.toString();
  }

  /** The JSON name protoc gives a field: json_name when declared, else the name in lowerCamelCase. */
  static String jsonName(Field f) {
    if (f.getDeclaredJsonName() != null) {
      return f.getDeclaredJsonName();
    }
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char c : f.getName().toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }

  private static String fieldName(Field f) {
    return "Field " + ref(f);
  }

  /** {@code "2" ("qty")}: a field by number, then name. */
  private static String ref(Field f) {
    return q(f.getTag()) + " (" + q(f.getName()) + ")";
  }

  private static String list(List<Field> fields) {
    return fields.stream().map(ProtoDiff::ref).collect(Collectors.joining(", "));
  }

  private static Location at(ProtoSchema s, Type t) {
    return s.location(t.getLocation(), "#/" + t.getType());
  }

  private static Location at(ProtoSchema s, MessageType m, Field f) {
    String oneof = m.getOneOfs().stream().filter(o -> o.getFields().contains(f)).map(OneOf::getName).findFirst().orElse(null);
    return s.location(f.getLocation(), "#/" + m.getType() + (oneof == null ? "" : "/" + oneof) + "/" + f.getTag());
  }

  private static Location at(ProtoSchema s, EnumType e, EnumConstant c) {
    return s.location(c.getLocation(), "#/" + e.getType() + "/" + c.getTag());
  }

  private static Location oneofAt(ProtoSchema s, MessageType m, String oneof) {
    OneOf o = m.oneOf(oneof);
    return o == null ? at(s, m) : s.location(o.getLocation(), "#/" + m.getType() + "/" + oneof);
  }

  private static Location reservedAt(ProtoSchema s, ReservedElement r, Type owner) {
    return r == null ? at(s, owner) : s.location(r.getLocation(), "#/" + owner.getType() + "/reserved");
  }

  private static Location fileStart(ProtoSchema s) {
    return new Location(s.source().path(), 1, 1, "#");
  }

  private static Location packageLocation(ProtoSchema s, Location fallback) {
    Matcher m = PACKAGE.matcher(s.source().text());
    if (!m.find()) {
      return fallback;
    }
    int start = m.start() + (m.group().length() - m.group().stripLeading().length());
    Position p = Position.at(s.source().text(), start);
    return new Location(s.source().path(), p.line(), p.column(), "#/package");
  }

  private static String packageText(String p) {
    return p.isEmpty() ? "no package" : q(p);
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String q(Object o) {
    return "\"" + o + "\"";
  }
}
