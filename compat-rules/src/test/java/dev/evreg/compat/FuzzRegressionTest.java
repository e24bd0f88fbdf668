package dev.evreg.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.evreg.compat.protobuf.ProtoSchemaParser;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases the robustness fuzz properties found (docs/testing/fuzzing.md), kept as plain tests. */
class FuzzRegressionTest {

  static final SchemaReader READER = new SchemaReader(SchemaReader.Options.DEFAULTS);

  /** robust-jsonschema: "multipleOf": 1e99999999 against 2 ran BigDecimal.remainder without end. */
  @Test
  void hugeMultipleOfIsJudgedAtOnce() {
    ParsedSchema old = READER.parse(new SourceFile("old.json", "{\"type\":\"integer\",\"multipleOf\":2}"), SchemaFormat.JSON);
    ParsedSchema neu = READER.parse(new SourceFile("new.json", "{\"type\":\"integer\",\"multipleOf\":1e99999999}"),
        SchemaFormat.JSON);
    List<Finding> findings = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> CompatibilityChecker.standard().compare(Level.FULL, old, neu, CheckOptions.DEFAULTS));
    assertEquals(List.of("MULTIPLE_OF_CHANGED"), findings.stream().map(Finding::ruleId).distinct().toList());
    assertEquals(true, findings.get(0).message().contains("1E+99999999"), findings.get(0).message());
  }

  /** robust-protobuf: messages nested thousands of levels deep took minutes to parse, render and compare. */
  @Test
  void protoNestedTooDeeplyIsRefusedAtTheBrace() {
    int depth = ProtoSchemaParser.MAX_NESTING + 1;
    StringBuilder b = new StringBuilder("syntax = \"proto3\";\n");
    for (int i = 0; i < depth; i++) {
      b.append("message M").append(i).append(" {\n");
    }
    b.append("int32 x = 1;\n").append("}\n".repeat(depth));
    SchemaException e = assertThrows(SchemaException.class,
        () -> READER.parse(new SourceFile("deep.proto", b.toString()), SchemaFormat.PROTOBUF));
    assertEquals("deep.proto:" + (depth + 1) + ":" + (11 + String.valueOf(depth - 1).length()) + ": declarations nest more"
        + " than 200 levels deep here; evreg reads .proto files nested up to 200 levels", e.getMessage());
  }

  /**
   * robust-jsonschema, robust-protobuf: on a thread with a small stack, deep but legal files
   * overflowed the stack in parsers that do not guard against it; it is bad input now.
   */
  @Test
  void stackOverflowWhileReadingIsBadInput() throws InterruptedException {
    String deep = "{\"type\":\"object\",\"properties\":{\"a\":" + "{\"items\":".repeat(900) + "{}" + "}".repeat(900) + "}}";
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        ParsedSchema s = READER.parse(new SourceFile("deep.json", deep), SchemaFormat.JSON);
        CompatibilityChecker.standard().compare(Level.FULL, s, s, CheckOptions.DEFAULTS);
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, "small-stack", 128 * 1024);
    t.start();
    t.join();
    assertEquals(SchemaException.class, thrown.get() == null ? null : thrown.get().getClass(), String.valueOf(thrown.get()));
    assertEquals(true, thrown.get().getMessage().startsWith("deep.json: "), thrown.get().getMessage());
  }
}
