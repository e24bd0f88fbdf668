package dev.evreg.compat.protobuf;

import dev.evreg.compat.source.SourceFile;

/** Finds the files a {@code .proto} file imports, by import path. */
public interface ProtoSources {

  /** The file that {@code import "path"} names, or null when there is none. */
  SourceFile find(String importPath);

  /** Where this looks, for a message when an import is not found. */
  String describe();
}
