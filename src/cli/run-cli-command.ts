import { ConfigError } from "../config.js";
import { isLostConnection } from "../store/lost-connection.js";
import { MigrationError } from "../store/migrations.js";

/**
 * Runs one CLI action and turns failures into one readable line on stderr and exit code 1.
 * An operator who typed a wrong path needs a sentence, not a stack trace.
 */
export async function runCliCommand(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError) {
      process.stderr.write(`${error.message}\n`);
    } else if (isLostConnection(error)) {
      process.stderr.write(
        "datadesk: lost the connection to the database (the datadesk process or server serving it stopped); what this command had not finished was rolled back, so run it again.\n",
      );
    } else if (error instanceof Error && "userMessage" in error && typeof error.userMessage === "string") {
      process.stderr.write(`${error.userMessage}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`datadesk: ${message}\n`);
    }
    process.exitCode = 1;
  }
}
