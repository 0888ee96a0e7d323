import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startTestServer, type TestServer } from "@tandem/testkit";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DocsUser, docsUser } from "./support.js";

const run = promisify(execFile);
let server: TestServer;
let owner: DocsUser;
// Zip bombs: small files that would unpack to more than five times the limit. Made before the
// server starts: compressing 120 MB blocks this process — the server's too — for seconds, and a
// kept-alive connection reused right after such a stall can meet the server's idle timeout
// (a reset, ECONNRESET) before the client's own timer has retired it.
let bombs: Array<readonly ["docx" | "odt", Uint8Array]>;
beforeAll(async () => {
  const bomb = (name: string) =>
    zipSync({ [name]: new Uint8Array(120 * 1024 * 1024) }, { level: 9 });
  bombs = [
    ["docx", bomb("word/document.xml")],
    ["odt", bomb("content.xml")],
  ];
  server = await startTestServer();
  owner = await docsUser(server);
});
afterAll(() => server?.close());

// A 1×1 PNG: images travel inside the exported files and come back as data: URLs.
const PIXEL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const SOURCE = `# Rapport annuel

Un paragraphe **important** et _nuancé_, avec [un lien](https://example.org/rapport).

## Actions

- Former les agents
  - en ligne
- Ouvrir les données

1. Consulter
2. Décider

> Une citation du préfet.

\`\`\`
const budget = 42;
\`\`\`

| Service | Agents |
| ------- | ------ |
| Paris   | 12     |

![Logo](${PIXEL})
`;

async function importFile(format: string, body: Uint8Array | string, title?: string) {
  const query = new URLSearchParams({ format, ...(title ? { title } : {}) });
  const response = await fetch(`${server.url}/api/docs/v1/import?${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/octet-stream" },
    body: body as BodyInit,
  });
  return { status: response.status, json: await response.json() };
}

async function exportFile(id: string, format: string) {
  const response = await fetch(
    `${server.url}/api/docs/v1/documents/${id}/export?format=${format}`,
    {
      headers: { authorization: `Bearer ${owner.token}` },
    },
  );
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const markdownOf = async (id: string) =>
  new TextDecoder().decode((await exportFile(id, "markdown")).bytes);

function expectContent(markdown: string) {
  for (const expected of [
    "# Rapport annuel",
    "**important**",
    "[un lien](https://example.org/rapport)",
    "## Actions",
    "Former les agents",
    "en ligne",
    "Consulter",
    "> Une citation du préfet.",
    "const budget = 42;",
    "Paris",
  ]) {
    expect(markdown).toContain(expected);
  }
  expect(markdown).toMatch(/[*-] Former les agents/);
  expect(markdown).toMatch(/1\. Consulter/);
  expect(markdown).toMatch(/\| *Service *\| *Agents *\|/);
  expect(markdown).toMatch(/!\[[^\]]*\]\(data:image\/png;base64,[A-Za-z0-9+/=]+\)/);
}

describe("import and export", () => {
  test("Markdown in, Markdown and HTML out", async () => {
    const imported = await importFile("markdown", SOURCE);
    expect(imported.status).toBe(201);
    expect(imported.json).toMatchObject({ title: "Rapport annuel", role: "owner" });
    expectContent(await markdownOf(imported.json.id));
    const html = await exportFile(imported.json.id, "html");
    expect(html.response.headers.get("content-type")).toContain("text/html");
    expect(new TextDecoder().decode(html.bytes)).toContain("<strong>important</strong>");
  });

  test("DOCX and ODT survive a round trip, and LibreOffice reads them", async () => {
    const { json } = await importFile("markdown", SOURCE);
    const dir = await mkdtemp(join(tmpdir(), "tandem-export-"));
    try {
      for (const format of ["docx", "odt"]) {
        const file = await exportFile(json.id, format);
        expect(file.response.status).toBe(200);
        expect(file.response.headers.get("content-disposition")).toContain(
          `Rapport%20annuel.${format}`,
        );
        const back = await importFile(format, file.bytes, `Retour ${format}`);
        expect(back.status, JSON.stringify(back.json)).toBe(201);
        expectContent(await markdownOf(back.json.id));

        const path = join(dir, `rapport.${format}`);
        await writeFile(path, file.bytes);
        await run(
          "libreoffice",
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            path,
          ],
          { timeout: 120_000 },
        );
        const { stdout } = await run("pdftotext", [join(dir, "rapport.pdf"), "-"]);
        for (const words of [
          "Rapport annuel",
          "important",
          "Former les agents",
          "citation du préfet",
          "budget = 42",
          "Paris",
        ]) {
          expect(stdout).toContain(words);
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("DOCX and ODT written by LibreOffice import too", async () => {
    const { json } = await importFile("markdown", SOURCE);
    const dir = await mkdtemp(join(tmpdir(), "tandem-libreoffice-"));
    try {
      // LibreOffice rewrites our ODT as DOCX and our DOCX as ODT, each in its own way (its DOCX
      // entries carry data descriptors, for one).
      for (const [from, to] of [
        ["odt", "docx"],
        ["docx", "odt"],
      ] as const) {
        const path = join(dir, `source-${from}.${from}`);
        await writeFile(path, (await exportFile(json.id, from)).bytes);
        await run(
          "libreoffice",
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            dir,
            path,
          ],
          { timeout: 120_000 },
        );
        const imported = await importFile(to, await readFile(join(dir, `source-${from}.${to}`)));
        expect(imported.status, JSON.stringify(imported.json)).toBe(201);
        const markdown = await markdownOf(imported.json.id);
        for (const words of ["Rapport annuel", "important", "Former les agents", "Paris"]) {
          expect(markdown, to).toContain(words);
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("PDF export", async () => {
    const { json } = await importFile("markdown", SOURCE);
    const pdf = await exportFile(json.id, "pdf");
    expect(pdf.response.status).toBe(200);
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe("%PDF-");
  });

  test("corrupt, unknown or oversized files are a clear 4xx and create nothing", async () => {
    const before = (await owner.api.request("GET", "/api/docs/v1/documents")).json.documents.length;
    const cases: Array<[string, Uint8Array | string]> = [
      ["docx", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])],
      ["docx", "not a zip at all"],
      ["odt", "not a zip at all"],
      ["odt", await readFile(new URL(import.meta.url))],
      ["markdown", new Uint8Array([0xff, 0xfe, 0xfd])],
    ];
    for (const [format, body] of cases) {
      const response = await importFile(format, body);
      expect(response.status, `${format}: ${JSON.stringify(response.json)}`).toBe(400);
      expect(response.json.message).toBeTruthy();
    }
    expect((await importFile("pages", "x")).status).toBe(400);
    // Above TANDEM_DOCS_MAX_IMPORT_BYTES (20 MB by default): refused before it is read.
    const oversized = await importFile("markdown", "# x\n".repeat(6 * 1024 * 1024));
    expect(oversized.status).toBe(413);
    expect(oversized.json.message).toBeTruthy();
    for (const [format, body] of bombs) {
      expect(body.length).toBeLessThan(1024 * 1024);
      const response = await importFile(format, body);
      expect(response.status, format).toBe(413);
      expect(response.json.message).toContain("unpacks to more than");
    }
    expect((await importFile("markdown", "")).status).toBe(400);
    const after = (await owner.api.request("GET", "/api/docs/v1/documents")).json.documents.length;
    expect(after).toBe(before);
    expect((await exportFile(crypto.randomUUID(), "docx")).response.status).toBe(404);
    expect((await exportFile(crypto.randomUUID(), "rtf")).response.status).toBe(400);
  });
});
