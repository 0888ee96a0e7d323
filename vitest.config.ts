import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Tests import packages' TypeScript sources (the "tandem-source" export condition), not their
// builds. Not "source": some dependencies (Hocuspocus) publish their sources under that name.
const resolve = { conditions: ["tandem-source", ...defaultServerConditions] };

const postgres = process.env.TANDEM_TEST_DATABASE_URL;
const redis = process.env.TANDEM_TEST_REDIS_URL;
// In CI a suite skipped for want of PostgreSQL or Redis would be a silent hole: refuse to run.
if (process.env.CI === "true" && !(postgres && redis)) {
  throw new Error("CI=true: TANDEM_TEST_DATABASE_URL and TANDEM_TEST_REDIS_URL must be set");
}

const integration = (backend: "sqlite" | "postgres") => ({
  resolve,
  ssr: { resolve },
  test: {
    name: `integration:${backend}`,
    include: ["packages/*/test/**/*.test.ts"],
    env: { TANDEM_TEST_BACKEND: backend },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        ssr: { resolve },
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts"],
          exclude: ["packages/web/**", "**/node_modules/**"],
          testTimeout: 20_000,
        },
      },
      // The web app's logic and components, in a DOM (jsdom) as the browser would run them.
      {
        resolve: { conditions: ["tandem-source", ...defaultClientConditions] },
        test: {
          name: "web",
          include: ["packages/web/src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["packages/web/src/test/setup.ts"],
          testTimeout: 20_000,
        },
      },
      integration("sqlite"),
      ...(postgres && redis ? [integration("postgres")] : []),
    ],
  },
});
