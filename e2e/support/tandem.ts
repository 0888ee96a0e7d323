import { createTestBackend, eventually, type SpawnedTandem, spawnTandem } from "@tandem/testkit";

export interface E2eTandem {
  url: string;
  /** The first administrator, as the banner printed them on the first start. */
  admin: { email: string; password: string };
  server: SpawnedTandem;
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
        const email = /^ {2}E-mail: +(\S+)$/m.exec(started.output())?.[1];
        const password = /^ {2}Password: +(\S+)$/m.exec(started.output())?.[1];
        if (!email || !password) throw new Error(`no first-admin banner in:\n${started.output()}`);
        return { email, password };
      },
      { timeoutMs: 5_000 },
    );
    return {
      url: started.url,
      admin,
      server: started,
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
