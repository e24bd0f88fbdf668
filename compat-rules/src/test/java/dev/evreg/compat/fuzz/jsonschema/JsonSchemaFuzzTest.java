package dev.evreg.compat.fuzz.jsonschema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.Level;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.fuzz.Fuzz;
import dev.evreg.compat.fuzz.FuzzProperty;
import dev.evreg.compat.fuzz.FuzzSuite;
import dev.evreg.compat.fuzz.Tree;
import dev.evreg.compat.jsonschema.Change;
import dev.evreg.compat.jsonschema.JsonSchemaCompatibility;
import dev.evreg.compat.jsonschema.JsonSchemaDocument;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * JSON Schema properties over random draft-7 schemas and evolutions. The semantic oracle: when
 * evreg says the reader schema accepts the writer's documents under STRICT, every document the
 * writer schema accepts (by everit) is accepted by the reader schema, except where the
 * registry's rules deliberately differ from the validator (each recognised by validating again
 * without that difference; see docs/compat/json-schema-differences.md).
 */
class JsonSchemaFuzzTest {

  static final SchemaReader READER = new SchemaReader(SchemaReader.Options.DEFAULTS);
  static final int DOCS = 40;

  @TestFactory
  Stream<DynamicTest> jsonschema() {
    return FuzzSuite.tests("jsonschema", List.of(
        FuzzSuite.quick(new ParseProperty(), 300),
        FuzzSuite.quick(new SemanticProperty(), 200)));
  }

  /** A schema and its next version, with the edits between them. */
  record Pair(Map<String, Object> old, Map<String, Object> neu, String edits, long dataSeed) {
    String show() {
      return "old.json: " + Tree.compact(old) + "\nedits: " + edits + "\nnew.json: " + Tree.compact(neu) + "\n";
    }
  }

  static Pair pair(Random r) {
    JsonSchemaGen gen = new JsonSchemaGen(r);
    Map<String, Object> old = gen.schema();
    JsonEvolve e = new JsonEvolve(gen);
    Map<String, Object> neu = e.evolve(old);
    return new Pair(old, neu, String.join("; ", e.log()), r.nextLong());
  }

  static JsonSchemaDocument parse(String name, Map<String, Object> tree) {
    return (JsonSchemaDocument) READER.parse(new SourceFile(name, Tree.compact(tree)), SchemaFormat.JSON);
  }

  /** everit's schema for a tree, or a discard when everit cannot load it (a generator slip). */
  static Schema everitOf(Map<String, Object> tree) {
    try {
      JSONObject json = new JSONObject(new JSONTokener(Tree.compact(tree)));
      return SchemaLoader.builder().draftV7Support().schemaJson(json).build().load().build();
    } catch (RuntimeException e) {
      throw Fuzz.discard("everit cannot load the schema (" + e.getClass().getSimpleName() + ")");
    }
  }

  static boolean valid(Schema s, Object doc) {
    try {
      s.validate(new JSONTokener(Tree.compact(doc)).nextValue());
      return true;
    } catch (ValidationException e) {
      return false;
    } catch (StackOverflowError e) {
      throw Fuzz.discard("everit recurses without end (a $ref that refers to itself through anyOf)");
    }
  }

  /** evreg parses every generated schema, to a canonical form that ignores the layout. */
  static final class ParseProperty extends FuzzProperty.Named<Pair> {
    ParseProperty() {
      super("json-parse", JsonSchemaFuzzTest::pair, Pair::show);
    }

    @Override
    public void check(Pair p, Fuzz.Stats stats) {
      Random layout = new Random(p.dataSeed());
      for (Map<String, Object> tree : List.of(p.old(), p.neu())) {
        JsonSchemaDocument a = parse("a.json", tree);
        JsonSchemaDocument b = (JsonSchemaDocument) READER.parse(
            new SourceFile("b.json", Tree.render(tree, Tree.Style.random(layout))), SchemaFormat.JSON);
        assertEquals(a.canonical(), b.canonical(), "the canonical form changed with the layout");
        stats.count("schemas parsed");
      }
    }
  }

  /**
   * Both directions: BACKWARD (new reads old: old documents must stay valid) and FORWARD.
   * Compatible under STRICT: every writer document is a reader document. Incompatible: the rate
   * at which a generated writer document is refused by the reader (a witness) is reported.
   */
  static final class SemanticProperty extends FuzzProperty.Named<Pair> {
    SemanticProperty() {
      super("json-semantic", JsonSchemaFuzzTest::pair, Pair::show);
    }

    @Override
    public void check(Pair p, Fuzz.Stats stats) {
      JsonSchemaDocument old = parse("old.json", p.old());
      JsonSchemaDocument neu = parse("new.json", p.neu());
      Schema everitOld = everitOf(p.old());
      Schema everitNew = everitOf(p.neu());
      try {
        direction(stats, "BACKWARD", old, neu, p.old(), p.neu(), everitOld, everitNew, new Random(p.dataSeed()));
        direction(stats, "FORWARD", neu, old, p.neu(), p.old(), everitNew, everitOld, new Random(~p.dataSeed()));
      } catch (SchemaException e) {
        // a $ref that names itself ("d": {"$ref": "#/definitions/d"}) means nothing; evreg rightly refuses it
        if (e.reason().contains("a cycle of references")) {
          throw Fuzz.discard("refused as bad input: a $ref cycle");
        }
        throw e;
      }
    }

    private static void direction(Fuzz.Stats stats, String dir, JsonSchemaDocument writer, JsonSchemaDocument reader,
        Map<String, Object> writerTree, Map<String, Object> readerTree, Schema w, Schema r, Random data) {
      List<Change> changes = JsonSchemaCompatibility.changes(writer, reader, CheckOptions.DEFAULTS);
      Set<String> breaking = changes.stream().filter(c -> c.type().breaks(JsonPolicy.STRICT)).map(c -> c.type().name())
          .collect(Collectors.toCollection(TreeSet::new));
      boolean compatible = breaking.isEmpty();
      Level level = dir.equals("BACKWARD") ? Level.BACKWARD : Level.FORWARD;
      JsonSchemaDocument old = dir.equals("BACKWARD") ? writer : reader;
      JsonSchemaDocument neu = dir.equals("BACKWARD") ? reader : writer;
      assertEquals(compatible, CompatibilityChecker.standard().compare(level, old, neu, CheckOptions.DEFAULTS).isEmpty(),
          "the checker's " + dir + " verdict differs from the change types");
      List<Object> docs = documents(writerTree, w, data);
      if (docs.isEmpty()) {
        stats.count(dir + " no valid writer document generated");
        return;
      }
      stats.count(dir + (compatible ? " compatible" : " incompatible"));
      for (Object doc : docs) {
        if (valid(r, doc)) {
          continue;
        }
        if (!compatible) {
          stats.count(dir + " incompatible: witness found");
          breaking.forEach(t -> stats.count("change " + t + ": with a witness"));
          break;
        }
        String rule = registryRule(writerTree, readerTree, doc);
        if (rule != null) {
          stats.count(dir + " compatible: excluded, " + rule);
          stats.example("excluded, " + rule, "document " + Tree.compact(doc));
          return;
        }
        throw new AssertionError("evreg says " + dir + "-compatible under STRICT but a document valid under the "
            + (dir.equals("BACKWARD") ? "old" : "new") + " schema is invalid under the other: " + Tree.compact(doc)
            + "\nchanges: " + changes.stream().map(c -> c.type() + " at " + c.path()).toList());
      }
      if (!compatible) {
        breaking.forEach(t -> stats.count("change " + t + ": incompatible verdicts"));
      }
    }

    /** Up to {@link #DOCS} distinct documents the writer schema accepts: generated, then perturbed. */
    static List<Object> documents(Map<String, Object> tree, Schema w, Random data) {
      DocGen gen = new DocGen(tree, data);
      List<Object> out = new ArrayList<>();
      Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < DOCS * 3 && out.size() < DOCS; i++) {
        Object doc = i % 3 == 2 && !out.isEmpty() ? gen.perturb(out.get(data.nextInt(out.size())), 0) : gen.gen(tree, 0);
        if (doc != DocGen.NONE && seen.add(Tree.compact(doc)) && valid(w, doc)) {
          out.add(doc);
        }
      }
      return out;
    }

    /**
     * The registry rule that explains a document the writer accepts and the reader refuses, or
     * null. Each rule is a rewrite of both schemas into what the registry takes them to mean
     * (formats dropped, required properties with a default optional, oneOf read as anyOf, types
     * implied by keywords made explicit); the rule explains the document when, rewritten, the
     * writer refuses it or the reader accepts it.
     */
    static String registryRule(Map<String, Object> writerTree, Map<String, Object> readerTree, Object doc) {
      Map<String, java.util.function.UnaryOperator<Map<String, Object>>> rules = new java.util.LinkedHashMap<>();
      rules.put("format is an annotation to the registry", Relax::withoutFormats);
      rules.put("a required property with a default counts as present", Relax::defaultsOptional);
      rules.put("oneOf is judged as anyOf", Relax::oneOfAsAnyOf);
      rules.put("keywords of one type imply that type", Relax::impliedTypes);
      for (Map.Entry<String, java.util.function.UnaryOperator<Map<String, Object>>> e : rules.entrySet()) {
        if (explains(e.getValue(), writerTree, readerTree, doc)) {
          return e.getKey();
        }
      }
      java.util.function.UnaryOperator<Map<String, Object>> all = t -> Relax.impliedTypes(
          Relax.oneOfAsAnyOf(Relax.defaultsOptional(Relax.withoutFormats(t))));
      return explains(all, writerTree, readerTree, doc) ? "several of these together" : null;
    }

    private static boolean explains(java.util.function.UnaryOperator<Map<String, Object>> rewrite,
        Map<String, Object> writerTree, Map<String, Object> readerTree, Object doc) {
      return !valid(everitOf(rewrite.apply(writerTree)), doc) || valid(everitOf(rewrite.apply(readerTree)), doc);
    }
  }
}
