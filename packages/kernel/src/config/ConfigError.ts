/** A configuration problem, worded as the one line an operator reads before exit 1. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
