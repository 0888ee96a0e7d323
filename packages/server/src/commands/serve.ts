import type { Command } from "commander";
import { type RunningTandem, startTandem } from "../startup/startTandem.js";

export function registerServeCommand(program: Command) {
  program
    .command("serve")
    .description("start the whole suite in this process")
    .action(async () => {
      const tandem = await startTandem(process.env);
      // Handlers first: a supervisor may signal as soon as it reads the banner.
      stopOnSignals(tandem);
      printBanner(tandem);
    });
}

function printBanner(tandem: RunningTandem) {
  const lines = [
    `Tandem is running at ${tandem.url} (listening on ${tandem.config.kernel.host}:${tandem.port})`,
  ];
  if (tandem.firstAdmin) {
    lines.push(
      "",
      "First start: an administrator account was created.",
      `  E-mail:    ${tandem.firstAdmin.email}`,
      `  Password:  ${tandem.firstAdmin.password}`,
      "This password is shown only this once. Sign in at the URL above and keep it safe.",
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

/**
 * SIGTERM/SIGINT: stop accepting, let requests in flight finish, close the database.
 * A second signal, or the timeout, ends the process at once.
 */
function stopOnSignals(tandem: RunningTandem) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    tandem.log.info({ signal }, "shutting down");
    const timeout = setTimeout(() => {
      tandem.log.warn("shutdown timed out; exiting");
      process.exit(1);
    }, tandem.config.kernel.shutdownTimeoutMs);
    timeout.unref();
    tandem.close().then(
      () => {
        tandem.log.info("stopped");
        process.exitCode = 0;
      },
      (error: unknown) => {
        tandem.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
