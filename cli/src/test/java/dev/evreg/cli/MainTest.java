package dev.evreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class MainTest {

  public record Result(int code, String out, String err) {}

  public static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static final String V1 = """
      {"type": "record", "name": "UserSignedUp", "namespace": "com.acme.users",
       "fields": [{"name": "userId", "type": "string"}]}
      """;
  static final String OK = """
      {"type": "record", "name": "UserSignedUp", "namespace": "com.acme.users",
       "fields": [{"name": "userId", "type": "string"},
                  {"name": "plan", "type": "string", "default": "free"}]}
      """;
  static final String BAD = """
      {"type": "record", "name": "UserSignedUp", "namespace": "com.acme.users",
       "fields": [{"name": "userId", "type": "string"},
                  {"name": "plan", "type": "string"}]}
      """;

  @TempDir
  Path dir;

  String v1;
  String ok;
  String bad;

  @BeforeEach
  void files() throws IOException {
    v1 = write("v1.avsc", V1);
    ok = write("ok.avsc", OK);
    bad = write("bad.avsc", BAD);
  }

  String write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void versionAndHelp() {
    Result v = run("--version");
    assertEquals(0, v.code());
    assertEquals("evreg 0.1.0", v.out().trim());
    Result h = run("--help");
    assertEquals(0, h.code());
    assertTrue(h.out().contains("compat") && h.out().contains("rules") && h.out().contains("Examples:"), h.out());
    Result ch = run("compat", "--help");
    assertEquals(0, ch.code());
    assertTrue(ch.out().contains("Examples:") && ch.out().contains("--level"), ch.out());
    for (String command : List.of("check", "compat", "daemon")) {
      Result sv = run(command, "-V");
      assertEquals(0, sv.code(), sv.toString());
      assertEquals("evreg 0.1.0", sv.out().trim(), command);
    }
  }

  @Test
  void noCommandIsAUsageError() {
    Result r = run();
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void compatibleChangeExitsZeroWithASummary() {
    Result r = run("compat", "--level", "BACKWARD", v1, ok);
    assertEquals(0, r.code(), r.err());
    assertEquals(ok + " is BACKWARD compatible with version 1 (" + v1 + ").\n", r.out());
  }

  @Test
  void breakingChangeExitsOneWithLocatedFinding() {
    Result r = run("compat", "--no-color", v1, bad);
    assertEquals(1, r.code(), r.err());
    String first = r.out().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith(bad + ":3:13: error READER_FIELD_MISSING_DEFAULT_VALUE Field \"plan\" was added"), first);
    assertTrue(first.endsWith("[version 1: " + v1 + ":1:1]"), first);
    assertTrue(r.out().contains("1 error: " + bad + " is not BACKWARD compatible with version 1"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void forwardOfTheSamePairIsCompatibleAndLevelsAreCaseInsensitive() {
    assertEquals(0, run("compat", "--level", "forward", v1, bad).code());
    assertEquals(0, run("compat", "--level", "NONE", v1, bad).code());
    assertEquals(1, run("compat", "--level", "full-transitive", v1, bad).code());
  }

  @Test
  void quietPrintsFindingsOnly() {
    assertEquals("", run("compat", "-q", v1, ok).out());
    assertEquals(1, run("compat", "-q", v1, bad).out().lines().count());
  }

  @Test
  void transitiveLevelsReportEveryFailingVersion() throws IOException {
    String v2 = write("v2.avsc", OK.replace("\"free\"", "\"pro\""));
    String v3 = write("v3.avsc", BAD.replace("\"type\": \"string\"}]", "\"type\": \"int\"}]"));
    Result r = run("compat", "--level", "BACKWARD_TRANSITIVE", v1, v2, ok, v3);
    assertEquals(1, r.code());
    assertTrue(r.out().contains("[version 3: "), r.out());
    assertTrue(r.out().contains("[version 2: "), r.out());
    assertTrue(r.out().contains("[version 1: "), r.out());
    assertTrue(r.out().contains("(3 of 3 versions fail)"), r.out());
  }

  @Test
  void jsonOutputIsOneDocument() throws IOException {
    Result r = run("compat", "--output", "json", "--level", "FULL", v1, bad);
    assertEquals(1, r.code());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals("FULL", doc.get("level").asText());
    assertFalse(doc.get("compatible").asBoolean());
    JsonNode f = doc.get("findings").get(0);
    assertEquals("READER_FIELD_MISSING_DEFAULT_VALUE", f.get("ruleId").asText());
    assertEquals(3, f.get("location").get("line").asInt());
    assertEquals("/fields/1", f.get("location").get("pointer").asText());
    assertEquals(v1, f.get("previous").get("path").asText());
    assertEquals(1, doc.get("versions").get(0).get("version").asInt());
  }

  @Test
  void twoFoldersArePairedByRelativePath() throws IOException {
    Path oldDir = Files.createDirectories(dir.resolve("old/orders"));
    Path newDir = Files.createDirectories(dir.resolve("new/orders"));
    Files.writeString(oldDir.resolve("a.avsc"), V1);
    Files.writeString(newDir.resolve("a.avsc"), OK);
    Files.writeString(oldDir.resolve("b.avsc"), V1);
    Files.writeString(newDir.resolve("b.avsc"), BAD);
    Files.writeString(newDir.resolve("only-new.avsc"), V1);
    Files.writeString(oldDir.resolve("only-old.avsc"), V1);
    Result r = run("compat", dir.resolve("old").toString(), dir.resolve("new").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith(newDir.resolve("b.avsc") + ":3:13: error READER_FIELD_MISSING_DEFAULT_VALUE "), r.out());
    assertTrue(r.out().contains("[previous: " + oldDir.resolve("b.avsc") + ":1:1]"), r.out());
    assertTrue(r.out().endsWith("Compared 2 files: 1 not BACKWARD compatible (1 finding), 1 new, 1 only in the old folder.\n"), r.out());

    Files.writeString(newDir.resolve("a.avsc"), "{");
    Result broken = run("compat", dir.resolve("old").toString(), dir.resolve("new").toString());
    assertEquals(2, broken.code());
    assertTrue(broken.out().contains("READER_FIELD_MISSING_DEFAULT_VALUE"), "the other pairs still ran");
    assertTrue(broken.err().startsWith(newDir.resolve("a.avsc") + ":1:2: error: invalid JSON"), broken.err());
  }

  @Test
  void aFolderMixedWithFilesIsAUsageError() {
    assertOneLineError(run("compat", dir.toString(), v1, ok), "evreg: " + dir + " is a folder and " + v1 + " is not; compat takes files");
  }

  @Test
  void commandLineMistakesGetOneLineInEvregsWords() {
    assertOneLineError(run("compt", v1, ok), "evreg: unknown command 'compt'; did you mean 'compat'?");
    assertOneLineError(run("serve", "--help"), "evreg: unknown command 'serve'; the commands are compat, lint,");
    assertOneLineError(run("compat", v1), "evreg compat: needs at least 2 FILE arguments, but got 1");
    assertOneLineError(run("rules", "extra"), "evreg rules: unexpected argument 'extra'");
    assertOneLineError(run("compat", "-I", dir.resolve("nope").toString(), v1, ok),
        "evreg: --proto-path " + dir.resolve("nope") + ": no such folder");
    assertOneLineError(run("lint", "-C", dir.resolve("nope").toString(), v1), "evreg: no such folder: " + dir.resolve("nope"));
  }

  @Test
  void helpIsACommandToo() {
    Result top = run("help");
    assertEquals(0, top.code());
    assertTrue(top.out().startsWith("Usage: evreg "), top.out());
    Result compat = run("help", "compat");
    assertEquals(0, compat.code());
    assertTrue(compat.out().startsWith("Usage: evreg compat "), compat.out());
  }

  @Test
  void rulesCatalogueListsAvroRules() {
    Result r = run("rules");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("READER_FIELD_MISSING_DEFAULT_VALUE"), r.out());
    assertTrue(r.out().contains("TYPE_MISMATCH"), r.out());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("ID +CATEGORY +SEVERITY +SUMMARY"), lines.get(0));
    int summaryColumn = lines.get(0).indexOf("SUMMARY");
    assertTrue(lines.stream().skip(1).allMatch(l -> l.charAt(summaryColumn - 1) == ' ' && l.charAt(summaryColumn) != ' '),
        "every summary starts in the SUMMARY column");
  }

  // --- bad input: exit 2, one line, no stack trace ----------------------------------------

  private static void assertOneLineError(Result r, String expectedStart) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith(expectedStart), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    assertEquals("", r.out());
  }

  @Test
  void malformedJson() throws IOException {
    String broken = write("broken.avsc", "{\"type\":\"record\",");
    assertOneLineError(run("compat", v1, broken), broken + ":1:18: error: invalid JSON: unexpected end of file");
  }

  @Test
  void avroDefaultThatDoesNotMatchItsType() throws IOException {
    String f = write("d.avsc", "{\"type\":\"record\",\"name\":\"R\",\"fields\":[\n {\"name\":\"n\",\"type\":\"int\",\"default\":\"x\"}]}");
    assertOneLineError(run("compat", v1, f), f + ":2:37: error: invalid Avro schema: the default of field \"n\" does not match its type");
  }

  @Test
  void protoSyntaxError() throws IOException {
    String a = write("a.proto", "syntax = \"proto3\";\nmessage A { int32 b = 1; }\n");
    String b = write("b.proto", "syntax = \"proto3\";\nmessage A {\n  int32 b = 1\n}\n");
    assertOneLineError(run("compat", a, b), b + ":4:");
  }

  @Test
  void missingFile() {
    assertOneLineError(run("compat", v1, dir.resolve("nope.avsc").toString()), dir.resolve("nope.avsc") + ": error: no such file");
  }

  @Test
  void unknownLevel() {
    assertOneLineError(run("compat", "--level", "SIDEWAYS", v1, ok), "evreg compat: Invalid value for option '--level': unknown level 'SIDEWAYS'");
  }

  @Test
  void emptyFile() throws IOException {
    String e = write("empty.avsc", "");
    assertOneLineError(run("compat", v1, e), e + ":1:1: error: the file is empty");
  }

  @Test
  void fiftyMegabyteFile() throws IOException {
    Path big = dir.resolve("big.avsc");
    byte[] chunk = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(big)) {
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
    }
    assertOneLineError(run("compat", v1, big.toString()), big + ": error: is 50.0 MB, larger than the 10.0 MB");
  }

  @Test
  void schemaNestedTenThousandLevels() throws IOException {
    String deep = "{\"type\":\"array\",\"items\":".repeat(10_000) + "\"int\"" + "}".repeat(10_000);
    String f = write("deep.avsc", deep);
    assertOneLineError(run("compat", v1, f), f + ":1:");
  }

  @Test
  void legalButDeepSchemaIsChecked() throws IOException {
    String deep = "{\"type\":\"array\",\"items\":".repeat(400) + "\"int\"" + "}".repeat(400);
    String a = write("deep1.avsc", deep);
    String b = write("deep2.avsc", deep.replace("\"int\"", "\"long\""));
    assertEquals(0, run("compat", a, b).code());
    assertEquals(1, run("compat", "--level", "FORWARD", a, b).code());
  }

  @Test
  void unknownExtension() throws IOException {
    String f = write("schema.txt", V1);
    assertOneLineError(run("compat", v1, f), f + ": error: cannot tell the schema format");
    assertEquals(0, run("compat", "--type", "avro", v1, f).code());
  }


  static final String ORDER_V1 = """
      syntax = "proto3";
      package acme.orders.v1;

      message OrderPlaced {
        string order_id = 1;
        int32 qty = 2;
        string note = 3;
      }
      """;

  @Test
  void protoTypeChangeIsReportedInBothFiles() throws IOException {
    String a = write("v1.proto", ORDER_V1);
    String b = write("v2.proto", ORDER_V1.replace("int32 qty", "string qty"));
    Result r = run("compat", a, b);
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith(b + ":6:3: error FIELD_SCALAR_KIND_CHANGED Field \"2\" (\"qty\") on message "
        + "\"acme.orders.v1.OrderPlaced\" changed type from \"int32\" to \"string\". "), r.out());
    assertTrue(r.out().contains("[version 1: " + a + ":6:3]"), r.out());
  }

  @Test
  void protoRuleSetsJudgeTheSameChangeDifferently() throws IOException {
    String a = write("v1.proto", ORDER_V1);
    String b = write("v2.proto", ORDER_V1.replace("  string note = 3;\n", ""));
    assertEquals(0, run("compat", a, b).code());
    Result wire = run("compat", "--proto-rules", "wire", a, b);
    assertEquals(1, wire.code(), wire.out());
    assertTrue(wire.out().contains("error FIELD_REMOVED_WITHOUT_RESERVATION Field \"3\" (\"note\")"), wire.out());
    String reserved = write("v3.proto", ORDER_V1.replace("  string note = 3;\n", "  reserved 3;\n"));
    assertEquals(0, run("compat", "--proto-rules", "wire", a, reserved).code());
    Result json = run("compat", "--proto-rules", "wire-json", a, reserved);
    assertEquals(1, json.code(), json.out());
    assertTrue(json.out().contains("FIELD_REMOVED_WITHOUT_NAME_RESERVATION"), json.out());
    assertOneLineError(run("compat", "--proto-rules", "strict", a, b), "evreg compat: Invalid value for option '--proto-rules'");
  }

  @Test
  void protoMissingImportNamesTheImportLine() throws IOException {
    String a = write("v1.proto", ORDER_V1);
    String b = write("v2.proto", ORDER_V1.replace("package acme.orders.v1;\n", "package acme.orders.v1;\nimport \"acme/common/money.proto\";\n"));
    assertOneLineError(run("compat", a, b), b + ":3:1: error: import \"acme/common/money.proto\" not found");
  }

  @Test
  void protoEditionsFileIsNotSupportedYet() throws IOException {
    String a = write("v1.proto", ORDER_V1);
    String b = write("v2.proto", ORDER_V1.replace("syntax = \"proto3\";", "edition = \"2023\";"));
    assertOneLineError(run("compat", a, b), b + ":1:1: error: Protobuf Editions files are not supported yet");
  }

  @Test
  void protoFoldersArePairedByPath() throws IOException {
    Path olds = Files.createDirectories(dir.resolve("old/acme"));
    Path news = Files.createDirectories(dir.resolve("new/acme"));
    Files.writeString(olds.resolve("orders.proto"), ORDER_V1);
    Files.writeString(news.resolve("orders.proto"), ORDER_V1.replace("int32 qty", "int64 qty"));
    Files.writeString(olds.resolve("broken.proto"), ORDER_V1);
    Files.writeString(news.resolve("broken.proto"), "syntax = \"proto3\";\nmessage A {\n");
    Result r = run("compat", "--proto-rules", "wire-json", dir.resolve("old").toString(), dir.resolve("new").toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("orders.proto:6:3: error FIELD_JSON_TYPE_CHANGED"), r.out());
    assertTrue(r.err().contains("broken.proto:3:1: error: syntax error"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void jsonSchemaPolicies() throws IOException {
    String a = write("a.json", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
    String b = write("b.json", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"},\n  \"note\": {\"type\": \"string\"}}}");
    Result strict = run("compat", "--no-color", a, b);
    assertEquals(1, strict.code(), strict.err());
    assertTrue(strict.out().startsWith(b + ":2:3: error OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL "), strict.out());
    assertTrue(strict.out().contains("or set the subject's policy to LENIENT"), strict.out());
    assertEquals(0, run("compat", "--policy", "lenient", a, b).code());
    assertEquals(0, run("compat", "--level", "FORWARD", a, b).code());
    assertOneLineError(run("compat", "--policy", "loose", a, b), "evreg compat: Invalid value for option '--policy'");
  }

  @Test
  void jsonSchemaRefOutsideTheTreeIsRefused() throws IOException {
    String a = write("a.json", "{\"type\": \"object\"}");
    String b = write("b.json", "{\"type\": \"object\",\n \"properties\": {\"x\": {\"$ref\": \"https://schemas.example/x.json\"}}}");
    assertOneLineError(run("compat", a, b), b + ":2:31: error: $ref \"https://schemas.example/x.json\" refers to");
  }

  @Test
  void pathologicalComparisonStopsAtTheTimeBound() throws IOException {
    StringBuilder branches = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      branches.append(i == 0 ? "" : ",").append("{\"$ref\": \"#/definitions/N\", \"maxLength\": ").append(i).append("}");
    }
    String schema = "{\"definitions\": {\"N\": {\"type\": \"object\", \"properties\": {\"next\": {\"oneOf\": [" + branches
        + "]}, \"v\": {\"type\": \"string\"}}}}, \"$ref\": \"#/definitions/N\"}";
    String a = write("p1.json", schema);
    String b = write("p2.json", schema.replace("\"v\": {\"type\": \"string\"}", "\"v\": {\"type\": \"integer\"}"));
    Result r = run("compat", "--timeout", "1ms", a, b);
    assertOneLineError(r, b + ": error: the comparison did not finish within 1 ms");
  }

  @Test
  void verboseShowsTheStackTrace() throws IOException {
    String broken = write("broken.avsc", "{");
    Result r = run("compat", "--verbose", v1, broken);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("\tat "), r.err());
  }
}
