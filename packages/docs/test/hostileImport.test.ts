import { startTestServer, type TestServer } from "@tandem/testkit";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, type DocsUser, docsUser, openEditor, settled } from "./support.js";

// The files of issue 11, item 2, made here: small uploads that unpack or parse to far more
// work than their bytes say.
const A_PARAGRAPHS = "a\n\n".repeat(700_000); // 2 MB of one-letter paragraphs

/** A DOCX whose word/document.xml unpacks to about `megabytes` MB of paragraphs. */
function docxBomb(megabytes: number): Uint8Array {
  const paragraph = "<w:p><w:r><w:t>a</w:t></w:r></w:p>";
  const body = paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / paragraph.length));
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "_rels/.rels": strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      "word/document.xml": strToU8(
        `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    },
    { level: 9 },
  );
}

/** An ODT whose lists nest `levels` deep. */
function nestedOdt(levels: number): Uint8Array {
  const open = "<text:list><text:list-item>".repeat(levels);
  const close = "</text:list-item></text:list>".repeat(levels);
  return zipSync({
    mimetype: strToU8("application/vnd.oasis.opendocument.text"),
    "content.xml": strToU8(
      `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${open}<text:p>deep</text:p>${close}</office:text></office:body></office:document-content>`,
    ),
  });
}

async function importFile(server: TestServer, user: DocsUser, format: string, body: BodyInit) {
  const response = await fetch(`${server.url}/api/docs/v1/import?format=${format}`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/octet-stream" },
    body,
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    json: (await response.json()) as { message?: string; id?: string },
  };
}

/**
 * Sends /healthz one after another until `work` settles; returns the latencies of those
 * answered while it still ran. Printed, not asserted against a threshold: the machine's
 * load is not the code's.
 */
async function probeDuring<T>(server: TestServer, label: string, work: Promise<T>) {
  let done = false;
  const result = work.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    if (!done) latencies.push(performance.now() - started);
  }
  const worst = Math.max(...latencies).toFixed(1);
  console.log(
    `${label}: ${latencies.length} /healthz answered during the import, worst ${worst} ms`,
  );
  return { result: await result, latencies };
}

describe("hostile imports (default bounds)", () => {
  let server: TestServer;
  let owner: DocsUser;
  beforeAll(async () => {
    server = await startTestServer();
    owner = await docsUser(server);
  });
  afterAll(() => server?.close());

  test("a DOCX unpacking to 60 MB of paragraphs is a 413, and the server answers meanwhile", async () => {
    const bomb = docxBomb(60);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { result, latencies } = await probeDuring(
      server,
      "60 MB DOCX",
      importFile(server, owner, "docx", bomb as BodyInit),
    );
    expect(result.status, JSON.stringify(result.json)).toBe(413);
    expect(result.json.message).toContain("paragraphs");
    expect(latencies.length).toBeGreaterThan(0);
  }, 120_000);

  test("2 MB of one-letter Markdown paragraphs is a 413 with a message", async () => {
    const result = await importFile(server, owner, "markdown", A_PARAGRAPHS);
    expect(result.status, JSON.stringify(result.json)).toBe(413);
    expect(result.json.message).toMatch(/more than 10000 paragraphs/);
  }, 120_000);

  test("deeply nested Markdown, DOCX-sized lists or ODT are a 422 with a message", async () => {
    const quotes = `${"> ".repeat(5_000)}deep\n`;
    const lists = Array.from({ length: 400 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n");
    for (const [format, body] of [
      ["markdown", quotes],
      ["markdown", lists],
      ["odt", nestedOdt(5_000)],
    ] as const) {
      const result = await importFile(server, owner, format, body as BodyInit);
      expect(result.status, `${format}: ${JSON.stringify(result.json)}`).toBe(422);
      expect(result.json.message).toMatch(/nest/);
    }
  }, 120_000);

  test("a normal import still works afterwards", async () => {
    const result = await importFile(server, owner, "markdown", "# Still here\n\nFine.\n");
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    const exported = await fetch(
      `${server.url}/api/docs/v1/documents/${result.json.id}/export?format=markdown`,
      { headers: { authorization: `Bearer ${owner.token}` } },
    );
    expect(await exported.text()).toContain("Fine.");
  }, 60_000);
});

describe("an import past the worker's memory or time (bounds lifted)", () => {
  let server: TestServer;
  let owner: DocsUser;
  let other: DocsUser;
  beforeAll(async () => {
    // Bounds lifted so the 2 MB Markdown reaches the parser: only the worker's heap and time
    // limits stop it. One worker, no queue: a second conversion meanwhile is refused.
    server = await startTestServer({
      TANDEM_DOCS_IMPORT_MAX_BLOCKS: "10000000",
      TANDEM_DOCS_IMPORT_MAX_CHARACTERS: "100000000",
      TANDEM_DOCS_CONVERT_MEMORY_MB: "192",
      TANDEM_DOCS_CONVERT_SECONDS: "10",
      TANDEM_DOCS_CONVERT_WORKERS: "1",
      TANDEM_DOCS_CONVERT_QUEUE: "0",
    });
    owner = await docsUser(server);
    other = await docsUser(server);
  });
  afterAll(() => server?.close());

  /** Two heavy imports sent together: whichever the server takes first runs, for seconds. */
  const heavyPair = (first: DocsUser, second: DocsUser) =>
    Promise.all([
      importFile(server, first, "markdown", A_PARAGRAPHS),
      importFile(server, second, "markdown", A_PARAGRAPHS),
    ]).then((answers) => answers.sort((a, b) => a.status - b.status));

  test("is a 422; /healthz and the collaboration socket answer meanwhile; a second one of the same user is a 429", async () => {
    const { id } = await createDocument(owner);
    const writer = await openEditor(server.url, id, owner.token);
    const reader = await openEditor(server.url, id, owner.token);
    try {
      let running = true;
      const heavy = heavyPair(owner, owner).finally(() => {
        running = false;
      });
      // An edit travels from one socket to the other while the import runs.
      const synced = (async () => {
        writer.text.insert(0, "during the import");
        await settled(writer);
        while (running && reader.text.toString() !== "during the import") {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return running;
      })();
      const { result } = await probeDuring(server, "2 MB Markdown, bounds lifted", heavy);
      expect(await synced).toBe(true);
      const [failed, refused] = result;
      expect(failed?.status, JSON.stringify(failed?.json)).toBe(422);
      expect(failed?.json.message).toMatch(/memory|longer/);
      expect(refused?.status, JSON.stringify(refused?.json)).toBe(429);
      expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
    } finally {
      writer.provider.destroy();
      reader.provider.destroy();
    }
  }, 180_000);

  test("another user's conversion past the instance's queue is a 503 with Retry-After", async () => {
    const [failed, refused] = await heavyPair(owner, other);
    expect(failed?.status, JSON.stringify(failed?.json)).toBe(422);
    expect(refused?.status, JSON.stringify(refused?.json)).toBe(503);
    expect(refused?.json.message).toContain("Try again");
    expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
    // The server lives on, and converts again.
    const after = await importFile(server, other, "markdown", "# After\n\nStill converting.\n");
    expect(after.status, JSON.stringify(after.json)).toBe(201);
  }, 180_000);
});
