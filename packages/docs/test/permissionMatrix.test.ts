import { COLLAB_PATH } from "@tandem/docs";
import {
  ApiClient,
  CollabWire,
  eventually,
  startTestServer,
  type TestServer,
} from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type DocsUser, docsUser } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const ROLES = ["reader", "commenter", "editor", "administrator", "owner"] as const;
type Role = (typeof ROLES)[number];
const LINKS = [
  { linkReach: "restricted", linkRole: "reader" },
  { linkReach: "authenticated", linkRole: "reader" },
  { linkReach: "authenticated", linkRole: "editor" },
  { linkReach: "public", linkRole: "commenter" },
  { linkReach: "public", linkRole: "editor" },
] as const;
const rank = (role: Role | null) => (role ? ROLES.indexOf(role) + 1 : 0);

/** What the rules say: the highest of the grant and of a link role whose reach applies. */
function expected(grant: Role | null, link: (typeof LINKS)[number], signedIn: boolean) {
  const viaLink =
    link.linkReach === "public" || (link.linkReach === "authenticated" && signedIn)
      ? link.linkRole
      : null;
  return rank(grant) >= rank(viaLink) ? grant : viaLink;
}

async function socketMode(documentId: string, token: string) {
  const wire = new CollabWire(
    `${server.url.replace(/^http/, "ws")}${COLLAB_PATH}`,
    documentId,
    token,
  );
  try {
    return await wire.authenticated();
  } catch {
    return "denied";
  } finally {
    wire.close();
  }
}

test("every role and link setting against REST, the socket, search and export", async () => {
  const owner = await docsUser(server);
  const people: Array<{ grant: Role | null; user: DocsUser }> = [
    { grant: null, user: await docsUser(server) },
  ];
  for (const role of ROLES.slice(0, 4)) people.push({ grant: role, user: await docsUser(server) });
  people.push({ grant: "owner", user: owner });
  const visitor = new ApiClient(server.url);

  for (const [index, link] of LINKS.entries()) {
    const title = `Matrice ${index} ${link.linkReach} ${link.linkRole}`;
    const { id } = (await owner.api.request("POST", "/api/docs/v1/documents", { title })).json;
    await owner.api.request("PATCH", `/api/docs/v1/documents/${id}`, link);
    for (const { grant, user } of people) {
      if (grant && grant !== "owner") {
        await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
          email: user.user.email,
          role: grant,
        });
      }
    }

    for (const { grant, user } of people) {
      const role = expected(grant, link, true);
      const where = `${title}, granted ${grant ?? "nothing"}`;
      const read = await user.api.request("GET", `/api/docs/v1/documents/${id}`);
      expect(read.status, where).toBe(role ? 200 : 403);
      if (role) expect(read.json.role, where).toBe(role);
      const write = await user.api.request("PATCH", `/api/docs/v1/documents/${id}`, { title });
      expect(write.status, where).toBe(rank(role) >= rank("editor") ? 200 : 403);
      const exported = await user.api.request(
        "GET",
        `/api/docs/v1/documents/${id}/export?format=markdown`,
      );
      expect(exported.status, where).toBe(role ? 200 : 403);
      const mode = await socketMode(id, user.token);
      expect(mode, where).toBe(
        !role ? "denied" : rank(role) >= rank("editor") ? "read-write" : "readonly",
      );
      // Search lists what is shared with the person, never what only a link opens.
      await eventually(async () => {
        const found = await user.api.request(
          "GET",
          `/api/docs/v1/search?q=${encodeURIComponent(title)}`,
        );
        const ids = found.json.results.map((r: { id: string }) => r.id);
        expect(ids.includes(id), where).toBe(grant !== null);
      });
    }

    const visitorRole = expected(null, link, false);
    const seen = await visitor.request("GET", `/api/docs/v1/documents/${id}`);
    expect(seen.status, `${title}, visitor`).toBe(visitorRole ? 200 : 403);
    const visitorWrite = await visitor.request("PATCH", `/api/docs/v1/documents/${id}`, { title });
    expect(visitorWrite.status, `${title}, visitor`).toBe(401);
    const visitorExport = await visitor.request(
      "GET",
      `/api/docs/v1/documents/${id}/export?format=markdown`,
    );
    expect(visitorExport.status, `${title}, visitor`).toBe(visitorRole ? 200 : 403);
    expect(await socketMode(id, ""), `${title}, visitor`).toBe(
      !visitorRole ? "denied" : rank(visitorRole) >= rank("editor") ? "read-write" : "readonly",
    );
    expect((await visitor.request("GET", `/api/docs/v1/search?q=Matrice`)).status).toBe(401);
  }
});

test("moving a sub-page, for every role on its tree: only owners take it from its owners", async () => {
  const owner = await docsUser(server);
  const docs = "/api/docs/v1/documents";
  const { id: tree } = (await owner.api.request("POST", docs, { title: "Arbre" })).json;
  for (const role of ROLES.slice(0, 4).concat("owner")) {
    const user = await docsUser(server);
    await owner.api.request("POST", `${docs}/${tree}/accesses`, { email: user.user.email, role });
    const { id: own } = (await user.api.request("POST", docs, { title: "Mien" })).json;
    const page = async () =>
      (await owner.api.request("POST", docs, { title: role, parentId: tree })).json.id as string;
    const mayMove = rank(role) >= rank("administrator");

    const underOwn = await page();
    const carried = await user.api.request("POST", `${docs}/${underOwn}/move`, { parentId: own });
    expect(carried.status, role).toBe(role === "owner" ? 200 : 403);
    const ownerRole = (await owner.api.request("GET", `${docs}/${underOwn}`)).json.role;
    expect(ownerRole, role).toBe(role === "owner" ? undefined : "owner");

    const toTop = await page();
    const lifted = await user.api.request("POST", `${docs}/${toTop}/move`, { parentId: null });
    expect(lifted.status, role).toBe(mayMove ? 200 : 403);
    expect((await owner.api.request("GET", `${docs}/${toTop}`)).json.role, role).toBe("owner");
  }
});
