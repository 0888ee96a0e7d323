import { kernelMigrations } from "@tandem/accounts";
import { type Database, migrate, openDatabase } from "@tandem/kernel";
import { createTestBackend, type TestBackend } from "@tandem/testkit";
import { afterAll, beforeAll } from "vitest";

export interface TwoConnections {
  database: Database;
  /** A second connection to the same database, as a second server instance would have. */
  other: Database;
}

/**
 * A migrated kernel database on the test backend and two connections to it, opened before the
 * calling file's tests and closed after them. Fields are set once `beforeAll` has run.
 */
export function twoConnections(): TwoConnections {
  const shared = {} as TwoConnections;
  let backend: TestBackend | undefined;
  beforeAll(async () => {
    backend = await createTestBackend();
    const where = { databaseUrl: backend.databaseUrl, dataDir: backend.dataDir };
    shared.database = await openDatabase(where);
    await migrate(shared.database, [kernelMigrations]);
    shared.other = await openDatabase(where);
  });
  afterAll(async () => {
    await shared.other?.close();
    await shared.database?.close();
    await backend?.dispose();
  });
  return shared;
}
