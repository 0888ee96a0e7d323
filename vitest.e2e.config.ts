import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Like vitest.config.ts: @tandem/testkit resolves to its TypeScript sources ("tandem-source" condition).
const resolve = { conditions: ["tandem-source", ...defaultServerConditions] };

/**
 * Browser tests (`npm run test:e2e`): each file starts a real `tandem serve` process and drives
 * Chromium through playwright-core. Files run one after another, so the timings stay honest
 * and one browser at a time fits small CI machines.
 */
export default defineConfig({
  resolve,
  ssr: { resolve },
  test: {
    name: "e2e",
    include: ["e2e/**/*.e2e.ts"],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
