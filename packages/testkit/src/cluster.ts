import { createTestBackend, type TestBackend } from "./backend.js";
import { type SpawnedTandem, spawnTandem } from "./spawnTandem.js";

export interface TestCluster {
  instances: SpawnedTandem[];
  backend: TestBackend;
  close(): Promise<void>;
}

/**
 * Several Tandem processes on free ports sharing one PostgreSQL database and one Redis:
 * the set-up every module uses to prove that it scales out. The first instance starts
 * alone so it alone runs the first start (migrations, first administrator).
 */
export async function startCluster(
  options: { instances?: number; env?: Record<string, string> } = {},
): Promise<TestCluster> {
  const backend = await createTestBackend("postgres");
  const env = { TANDEM_HOST: "127.0.0.1", ...backend.env, ...options.env };
  const instances: SpawnedTandem[] = [];
  try {
    instances.push(await spawnTandem(env));
    const others = Array.from({ length: (options.instances ?? 2) - 1 }, () => spawnTandem(env));
    instances.push(...(await Promise.all(others)));
  } catch (error) {
    await Promise.all(instances.map((i) => i.stop("SIGKILL")));
    await backend.dispose();
    throw error;
  }
  return {
    instances,
    backend,
    close: async () => {
      await Promise.all(instances.map((i) => i.stop()));
      await backend.dispose();
    },
  };
}
