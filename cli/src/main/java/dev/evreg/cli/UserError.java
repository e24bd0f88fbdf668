package dev.evreg.cli;

/** Bad usage or configuration found by a command: exit 2 with this one-line message. */
final class UserError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }
}
