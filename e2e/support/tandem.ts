import { createTestBackend, eventually, type SpawnedTandem, spawnTandem } from "@tandem/testkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.js";

export interface E2eTandem {
  url: string;
  /** The first administrator, as the banner printed them on the first start. */
  admin: { email: string; password: string };
  server: SpawnedTandem;
  /** The environment that points the CLI (`runCli`) at this instance's storage. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real `tandem serve` process on a free port with an empty data folder, as an operator
 * starts it the first time. The admin password is read from the banner on stdout: that
 * is the only place it ever appears.
 */
export async function startTandem(): Promise<E2eTandem> {
  const backend = await createTestBackend();
  let server: SpawnedTandem | undefined;
  try {
    server = await spawnTandem({ TANDEM_HOST: "127.0.0.1", ...backend.env });
    const started = server;
    const admin = await eventually(
      () => {
        const found = started.firstAdmin();
        if (!found) throw new Error(`no first-admin banner in:\n${started.output()}`);
        return found;
      },
      { timeoutMs: 5_000 },
    );
    return {
      url: started.url,
      admin,
      server: started,
      env: backend.env,
      close: async () => {
        await started.stop();
        await backend.dispose();
      },
    };
  } catch (error) {
    await server?.stop("SIGKILL");
    await backend.dispose();
    throw error;
  }
}

/** A Tandem and a browser for one suite, started before its tests and stopped after them. */
export function useSuite(): { readonly tandem: E2eTandem; readonly browser: Browser } {
  const suite = {} as { tandem: E2eTandem; browser: Browser };
  beforeAll(async () => {
    [suite.tandem, suite.browser] = await Promise.all([startTandem(), launchBrowser()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.tandem?.close();
  });
  return suite;
}
