package dev.evreg.compat.protobuf;

import static dev.evreg.compat.protobuf.ProtoChange.*;
import static dev.evreg.compat.protobuf.ProtoPolicy.Verdict.BACKWARD;
import static dev.evreg.compat.protobuf.ProtoPolicy.Verdict.BOTH;
import static dev.evreg.compat.protobuf.ProtoPolicy.Verdict.FORWARD;
import static dev.evreg.compat.protobuf.ProtoPolicy.Verdict.NEVER;

import dev.evreg.compat.ProtoRules;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which change types break, per rule set and direction: one row per change type, one column
 * per rule set, so a verdict can change without renaming a change type.
 *
 * <p>The registry column follows the registry's own checker, which always diffs the writer's
 * schema against the reader's: FORWARD therefore sees every change reversed, which is why
 * {@link ProtoChange#MESSAGE_ADDED} breaks FORWARD only. The wire columns follow buf's WIRE and
 * WIRE_JSON categories, except that cardinality changes are judged by the wire rules of
 * reference/compat-semantics.md (a packed numeric list breaks a singular reader, nothing else
 * does) and so can be directional.
 */
public final class ProtoPolicy {

  /** In which directions a change breaks. BACKWARD: the new schema reads data written with the old one. */
  public enum Verdict {
    NEVER, BACKWARD, FORWARD, BOTH;

    boolean breaks(boolean newReadsOld) {
      return this == BOTH || (newReadsOld ? this == BACKWARD : this == FORWARD);
    }
  }

  private static final Map<ProtoRules, Map<ProtoChange, Verdict>> TABLE = new EnumMap<>(ProtoRules.class);

  static {
    for (ProtoRules r : ProtoRules.values()) {
      TABLE.put(r, new EnumMap<>(ProtoChange.class));
    }
    //   change type                               registry  wire      wire-json
    row(PACKAGE_CHANGED,                           BOTH,     BOTH,     BOTH);
    row(MESSAGE_ADDED,                             FORWARD,  NEVER,    NEVER);
    row(MESSAGE_REMOVED,                           BACKWARD, NEVER,    NEVER);
    row(MESSAGE_MOVED,                             NEVER,    NEVER,    NEVER);
    row(ENUM_ADDED,                                NEVER,    NEVER,    NEVER);
    row(ENUM_REMOVED,                              NEVER,    NEVER,    NEVER);
    row(ENUM_CONST_ADDED,                          NEVER,    NEVER,    NEVER);
    row(ENUM_CONST_CHANGED,                        NEVER,    NEVER,    BOTH);
    row(ENUM_CONST_REMOVED,                        NEVER,    NEVER,    NEVER);
    row(FIELD_ADDED,                               NEVER,    NEVER,    NEVER);
    row(FIELD_REMOVED,                             NEVER,    NEVER,    NEVER);
    row(FIELD_NAME_CHANGED,                        NEVER,    NEVER,    BOTH);
    row(FIELD_KIND_CHANGED,                        BOTH,     BOTH,     BOTH);
    row(FIELD_SCALAR_KIND_CHANGED,                 BOTH,     BOTH,     BOTH);
    row(FIELD_NAMED_TYPE_CHANGED,                  BOTH,     BOTH,     BOTH);
    row(FIELD_NUMERIC_LABEL_CHANGED,               BOTH,     NEVER,    NEVER);
    row(FIELD_STRING_OR_BYTES_LABEL_CHANGED,       NEVER,    NEVER,    NEVER);
    row(REQUIRED_FIELD_ADDED,                      BOTH,     BOTH,     BOTH);
    row(REQUIRED_FIELD_REMOVED,                    BOTH,     BOTH,     BOTH);
    row(ONEOF_ADDED,                               NEVER,    NEVER,    NEVER);
    row(ONEOF_REMOVED,                             NEVER,    NEVER,    NEVER);
    row(ONEOF_FIELD_ADDED,                         FORWARD,  NEVER,    NEVER);
    row(ONEOF_FIELD_REMOVED,                       BACKWARD, NEVER,    NEVER);
    row(MULTIPLE_FIELDS_MOVED_TO_ONEOF,            BACKWARD, BOTH,     BOTH);
    row(FIELD_MOVED_TO_EXISTING_ONEOF,             BACKWARD, BOTH,     BOTH);
    row(ONEOF_FIELD_MOVED_TO_TOP_LEVEL,            NEVER,    BOTH,     BOTH);
    row(MULTIPLE_FIELDS_MOVED_OUT_OF_ONEOF,        FORWARD,  BOTH,     BOTH);
    row(FIELD_MOVED_OUT_OF_SHARED_ONEOF,           FORWARD,  BOTH,     BOTH);
    row(FIELD_MOVED_TO_ONEOF,                      NEVER,    BOTH,     BOTH);
    row(FIELD_MOVED_TO_OTHER_ONEOF,                NEVER,    BOTH,     BOTH);
    row(FIELD_NAMED_TYPE_PACKAGE_CHANGED,          NEVER,    BOTH,     BOTH);
    row(FIELD_ENUM_KIND_CHANGED,                   NEVER,    BOTH,     BOTH);
    row(FIELD_ENUM_TYPE_CHANGED,                   NEVER,    BOTH,     BOTH);
    row(FIELD_STRING_CHANGED_TO_BYTES,             NEVER,    FORWARD,  BOTH);
    row(FIELD_BYTES_CHANGED_TO_STRING,             NEVER,    BACKWARD, BOTH);
    row(FIELD_JSON_TYPE_CHANGED,                   NEVER,    NEVER,    BOTH);
    row(FIELD_NUMERIC_MADE_REPEATED,               NEVER,    FORWARD,  BOTH);
    row(FIELD_NUMERIC_MADE_SINGULAR,               NEVER,    BACKWARD, BOTH);
    row(FIELD_CARDINALITY_CHANGED,                 NEVER,    NEVER,    BOTH);
    row(FIELD_REQUIRED_CHANGED,                    NEVER,    BOTH,     BOTH);
    row(FIELD_NUMBER_CHANGED,                      NEVER,    BOTH,     BOTH);
    row(FIELD_REMOVED_WITHOUT_RESERVATION,         NEVER,    BOTH,     BOTH);
    row(FIELD_REMOVED_WITHOUT_NAME_RESERVATION,    NEVER,    NEVER,    BOTH);
    row(FIELD_JSON_NAME_CHANGED,                   NEVER,    NEVER,    BOTH);
    row(ENUM_CONST_REMOVED_WITHOUT_RESERVATION,    NEVER,    BOTH,     BOTH);
    row(ENUM_CONST_REMOVED_WITHOUT_NAME_RESERVATION, NEVER,  NEVER,    BOTH);
    row(RESERVED_RANGE_REMOVED,                    NEVER,    BOTH,     BOTH);
    row(RESERVED_NAME_REMOVED,                     NEVER,    BOTH,     BOTH);
    row(RESERVED_NUMBER_REUSED,                    NEVER,    BOTH,     BOTH);
    row(RESERVED_NAME_REUSED,                      NEVER,    BOTH,     BOTH);
    for (ProtoChange c : ProtoChange.values()) {
      if (!TABLE.get(ProtoRules.REGISTRY).containsKey(c)) {
        throw new IllegalStateException("no policy row for " + c);
      }
    }
  }

  private static void row(ProtoChange change, Verdict registry, Verdict wire, Verdict wireJson) {
    TABLE.get(ProtoRules.REGISTRY).put(change, registry);
    TABLE.get(ProtoRules.WIRE).put(change, wire);
    TABLE.get(ProtoRules.WIRE_JSON).put(change, wireJson);
  }

  private ProtoPolicy() {}

  public static Verdict verdict(ProtoRules rules, ProtoChange change) {
    return TABLE.get(rules).get(change);
  }

  /** Whether {@code change} breaks under {@code rules} when the new schema reads old data ({@code newReadsOld}) or the reverse. */
  public static boolean breaks(ProtoRules rules, ProtoChange change, boolean newReadsOld) {
    return verdict(rules, change).breaks(newReadsOld);
  }

  /** Whether some rule set and direction treats {@code change} as breaking: such changes are rules in the catalogue. */
  public static boolean canBreak(ProtoChange change) {
    return TABLE.values().stream().anyMatch(m -> m.get(change) != NEVER);
  }
}
