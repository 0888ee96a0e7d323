import type { AccountsModule } from "@tandem/accounts";
import { createModules } from "@tandem/server";
import {
  ApiClient,
  createNotesApi,
  createNotesModule,
  declareNotesRoutes,
  minimalModuleCliPath,
  NOTE_KEPT_MS,
  NotesStore,
  runCli,
  signedInClient,
  startTestServer,
  type TestServer,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// The worked example of ARCHITECTURE.md's "Adding a module": a module added to the list is
// served whole, and one that contradicts the others is refused at start in one line.
const withNotes = (notes: AccountsModule = createNotesModule()) => [...createModules(), notes];

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer({}, { modules: withNotes() });
  admin = new ApiClient(server.url);
  expect((await admin.signIn(server.admin.email, server.admin.password)).status).toBe(200);
});
afterAll(() => server?.close());

async function tokenWith(client: ApiClient, scopes: string[]) {
  const response = await client.request("POST", "/api/v1/account/tokens", {
    name: `notes ${scopes.join(" ")}`,
    expiresInDays: 1,
    scopes,
  });
  expect(response.status, response.text).toBe(201);
  expect(response.json.scopes).toEqual(scopes);
  return new ApiClient(server.url, { bearer: response.json.token as string });
}

describe("a module added to the list", () => {
  test("its migration ran and its route answers a session, audited", async () => {
    const applied = await server.tandem.database.db
      .selectFrom("tandem_migrations_notes")
      .select("name")
      .execute();
    expect(applied.map((row: { name: string }) => row.name)).toEqual(["0001_notes"]);
    expect(await new NotesStore(server.tandem.database).count()).toBe(0);

    const { client, user } = await signedInClient(server.url, server.tandem);
    const created = await client.request("POST", "/api/notes/v1/notes", { text: " first " });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(String),
      text: "first",
      createdAt: expect.any(Number),
    });
    const listed = await client.request("GET", "/api/notes/v1/notes");
    expect(listed.json).toEqual({ notes: [created.json] });
    expect((await client.request("POST", "/api/notes/v1/notes", { text: "" })).status).toBe(400);
    expect((await new ApiClient(server.url).request("GET", "/api/notes/v1/notes")).status).toBe(
      401,
    );

    const audit = await admin.request(
      "GET",
      `/api/v1/admin/audit?action=note_created&who=${user.email}`,
    );
    expect(audit.status, audit.text).toBe(200);
    expect(audit.json.events).toEqual([
      expect.objectContaining({
        action: "note_created",
        actorId: user.id,
        subject: created.json.id,
      }),
    ]);
  });

  test("a token needs the module's own scope, accepted at token creation", async () => {
    const { client } = await signedInClient(server.url, server.tandem);
    const notesToken = await tokenWith(client, ["notes"]);
    expect(
      (await notesToken.request("POST", "/api/notes/v1/notes", { text: "by token" })).status,
    ).toBe(201);
    expect((await notesToken.request("GET", "/api/notes/v1/notes")).json.notes).toHaveLength(1);
    // The notes scope reaches the notes alone, and `api` alone does not reach them.
    expect((await notesToken.request("GET", "/api/v1/me")).status).toBe(403);
    const apiToken = await tokenWith(client, ["api"]);
    const refused = await apiToken.request("GET", "/api/notes/v1/notes");
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe("insufficient_scope");
  });

  test("its job runs under the scheduler, counted, and purges old notes", async () => {
    const store = new NotesStore(server.tandem.database);
    const old = await store.add("someone", "old", Date.now() - NOTE_KEPT_MS - 1000);
    const kept = await store.add("someone", "recent");
    expect(await server.tandem.scheduler.runNow("notes.purge")).toBe("success");
    const left = (await store.listOf("someone")).map((note) => note.id);
    expect(left).toEqual([kept.id]);
    expect(left).not.toContain(old.id);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/tandem_job_runs_total\{job="notes.purge",outcome="success"\} 1/);
  });

  test("its app is listed and its OpenAPI document describes the route", async () => {
    const apps = await admin.request("GET", "/api/v1/apps");
    expect(apps.json.apps).toContainEqual({
      id: "notes",
      path: "/notes",
      name: { en: "Notes", fr: "Notes", de: "Notizen" },
      icon: "notes",
    });
    const openapi = await admin.request("GET", "/api/notes/v1/openapi.json");
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.json.paths["/notes"])).toEqual(["get", "post"]);
  });

  test("its CLI command runs on the database the server uses", async () => {
    const count = await new NotesStore(server.tandem.database).count();
    const result = await runCli(["notes", "count"], server.backend.env, {
      entry: minimalModuleCliPath,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${count}\n`);
  });
});

describe("a module that contradicts the others is refused at start, in one line", () => {
  async function refusal(notes: AccountsModule): Promise<string> {
    const error = await startTestServer({}, { modules: withNotes(notes) }).then(
      async (started) => {
        await started.close();
        throw new Error("the server started");
      },
      (refused: Error) => refused,
    );
    expect(error.message.split("\n")).toHaveLength(1);
    return error.message;
  }

  test("a route declared twice", async () => {
    const twice: AccountsModule = {
      ...createNotesModule(),
      async register(http, context) {
        const api = createNotesApi(http, context.claims);
        const deps = {
          who: context.auth.scoped("notes"),
          store: new NotesStore(context.database),
          audit: context.audit,
        };
        declareNotesRoutes(api, deps);
        declareNotesRoutes(api, deps);
      },
    };
    expect(await refusal(twice)).toBe(
      "Tandem Notes API: GET /api/notes/v1/notes is declared twice",
    );
  });

  test("an app path under another module's", async () => {
    const notes = createNotesModule();
    if (!notes.app) throw new Error("the notes module declares an app");
    const under = { ...notes, app: { ...notes.app, path: "/docs/notes" } };
    expect(await refusal(under)).toBe(
      'The app paths "/docs" (docs) and "/docs/notes" (notes) clash',
    );
  });

  test("a REST path under another module's, or outside its own declared paths", async () => {
    const under = { ...createNotesModule(), paths: { rest: ["/api/docs/v1/notes"] } };
    expect(await refusal(under)).toBe(
      "modules docs and notes both claim a path: /api/docs/v1 and /api/docs/v1/notes",
    );
    const undeclared = { ...createNotesModule(), paths: {} };
    expect(await refusal(undeclared)).toBe(
      "module notes: /api/notes/v1/openapi.json is not declared in its paths.rest",
    );
  });

  test("a token scope no module declares", async () => {
    const undeclared = { ...createNotesModule(), tokenScopes: [] };
    expect(await refusal(undeclared)).toBe('token scope "notes" is not declared by any module');
  });
});
