import { type RunningTandem, type StartOptions, startTandem } from "@tandem/server";
import { createTestBackend, type TestBackend } from "./backend.js";

export interface TestServer {
  url: string;
  tandem: RunningTandem;
  backend: TestBackend;
  /** The first administrator, created at this server's first start. */
  admin: { email: string; password: string };
  close(): Promise<void>;
}

/**
 * A whole Tandem in this process on a free port, on the current test backend.
 * Binding port 0 gives a free port, so suites can run side by side. `options.modules`: another
 * module list than the build's (`[...createModules(), createNotesModule()]`).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const backend = await createTestBackend();
  try {
    const tandem = await startTandem(
      {
        PORT: "0",
        TANDEM_HOST: "127.0.0.1",
        TANDEM_LOG_LEVEL: "silent",
        ...backend.env,
        ...env,
      },
      options,
    );
    if (!tandem.firstAdmin) throw new Error("a fresh test server should create its first admin");
    return {
      url: tandem.url,
      tandem,
      backend,
      admin: tandem.firstAdmin,
      close: async () => {
        await tandem.close();
        await backend.dispose();
      },
    };
  } catch (error) {
    await backend.dispose();
    throw error;
  }
}
