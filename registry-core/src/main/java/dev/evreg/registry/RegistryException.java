package dev.evreg.registry;

/**
 * Bad input to the registry that the user can fix: a configuration error, a missing ref, a
 * shallow clone. Its message is one line, meant for the user as it is (exit code 2).
 */
public class RegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
