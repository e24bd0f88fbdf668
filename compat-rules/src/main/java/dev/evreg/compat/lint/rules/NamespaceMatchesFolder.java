package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.RecordType;
import java.util.Arrays;
import java.util.List;

/**
 * The namespace matches the folder. Protobuf: the package path ends the file's folder path
 * ({@code acme/orders/v1/} for {@code acme.orders.v1}), as buf lays trees out. Avro: the last
 * namespace segment names the file's folder ({@code orders/} for {@code com.acme.orders}).
 */
public final class NamespaceMatchesFolder implements LintRule {

  static final RuleInfo INFO = new RuleInfo("NAMESPACE_MATCHES_FOLDER", "NAMING", Severity.WARNING,
      "The namespace or package does not match the folder of the file");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    RecordType event = ctx.view().event();
    SchemaFormat format = ctx.view().format();
    if (event == null || format == SchemaFormat.JSON) {
      return;
    }
    String ns = event.namespace();
    if (ns == null || ns.isEmpty()) {
      return;
    }
    String path = ctx.path();
    List<String> folders = path.contains("/") ? Arrays.asList(path.substring(0, path.lastIndexOf('/')).split("/")) : List.of();
    List<String> segments = Arrays.asList(ns.split("\\."));
    boolean ok;
    String expected;
    if (format == SchemaFormat.PROTOBUF) {
      ok = folders.size() >= segments.size() && folders.subList(folders.size() - segments.size(), folders.size()).equals(segments);
      expected = String.join("/", segments) + "/";
    } else {
      String last = segments.get(segments.size() - 1);
      ok = !folders.isEmpty() && EnvelopeLookup.squash(folders.get(folders.size() - 1)).equals(EnvelopeLookup.squash(last));
      expected = last + "/";
    }
    if (!ok) {
      ctx.report(event, event.location(), (format == SchemaFormat.PROTOBUF ? "Package \"" : "Namespace \"") + ns
          + "\" does not match the folder \"" + (folders.isEmpty() ? "." : String.join("/", folders))
          + "\"; keep the file in a folder ending in \"" + expected + "\", or change the " + (format == SchemaFormat.PROTOBUF ? "package" : "namespace") + ".");
    }
  }

}
