import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { assertBlobKey } from "./BlobStore.js";
import { LocalBlobStore } from "./LocalBlobStore.js";

let root: string;
let store: LocalBlobStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "tandem-blobs-"));
  store = new LocalBlobStore(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under the store's folder, relative to it: what a crash would leave behind. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

/** A source that sends some bytes, then fails as a dropped upload does. */
function failingSource(): Readable {
  return Readable.from(
    (async function* () {
      yield Buffer.from("the first half of a new version, ");
      throw new Error("connection reset");
    })(),
  );
}

describe("put, get, read, delete", () => {
  test("round-trips a Buffer", async () => {
    expect(await store.put("docs/report.pdf", Buffer.from("hello"))).toEqual({ size: 5 });
    expect(await store.read("docs/report.pdf")).toEqual(Buffer.from("hello"));
    const stream = await store.get("docs/report.pdf");
    expect(stream).not.toBeNull();
    expect(await text(stream as Readable)).toBe("hello");
  });

  test("round-trips a Uint8Array and an empty blob", async () => {
    expect(await store.put("bytes", new Uint8Array([0, 1, 255]))).toEqual({ size: 3 });
    expect(await store.read("bytes")).toEqual(Buffer.from([0, 1, 255]));
    expect(await store.put("empty", Buffer.alloc(0))).toEqual({ size: 0 });
    expect(await store.read("empty")).toEqual(Buffer.alloc(0));
  });

  test("round-trips a Readable of several chunks", async () => {
    const chunks = ["one ", "two ", "three"].map((c) => Buffer.from(c));
    expect(await store.put("a/b/c.txt", Readable.from(chunks))).toEqual({ size: 13 });
    expect((await store.read("a/b/c.txt"))?.toString()).toBe("one two three");
  });

  test("put replaces the previous bytes", async () => {
    await store.put("k", Buffer.from("old, longer content"));
    await store.put("k", Buffer.from("new"));
    expect((await store.read("k"))?.toString()).toBe("new");
    expect(await filesOnDisk()).toEqual(["k"]);
  });

  test("a missing key reads as null", async () => {
    expect(await store.get("nothing/here")).toBeNull();
    expect(await store.read("nothing/here")).toBeNull();
  });

  test("delete removes the blob, and deleting a missing key is harmless", async () => {
    await store.put("gone", Buffer.from("x"));
    await store.delete("gone");
    expect(await store.read("gone")).toBeNull();
    expect(await store.get("gone")).toBeNull();
    await expect(store.delete("gone")).resolves.toBeUndefined();
    expect(await filesOnDisk()).toEqual([]);
  });
});

describe("keys", () => {
  const invalid = [
    "",
    "../x",
    "a/../../x",
    "..",
    ".",
    "a//b",
    "a/./b",
    "/abs",
    "trailing/",
    "with space",
    "a\\b",
    "é",
    "x".repeat(513),
  ];

  test.each(invalid)("%j is refused by every operation", async (key) => {
    expect(() => assertBlobKey(key)).toThrow(RangeError);
    await expect(store.put(key, Buffer.from("x"))).rejects.toThrow(RangeError);
    await expect(store.get(key)).rejects.toThrow(RangeError);
    await expect(store.read(key)).rejects.toThrow(RangeError);
    await expect(store.delete(key)).rejects.toThrow(RangeError);
  });

  test("a refused key writes nothing, not even outside the folder", async () => {
    await expect(store.put("../escaped", Buffer.from("x"))).rejects.toThrow(/invalid blob key/);
    expect(await filesOnDisk()).toEqual([]);
    expect(await readdir(join(root, ".."))).not.toContain("escaped");
  });

  test.each(["a", "a.b-c_d", "A/9/z.tar.gz", "..hidden", "x".repeat(512)])(
    "%j is accepted",
    (key) => {
      expect(() => assertBlobKey(key)).not.toThrow();
    },
  );
});

describe("a failing source", () => {
  test("leaves neither the blob nor a partial file", async () => {
    await expect(store.put("upload/new.bin", failingSource())).rejects.toThrow("connection reset");
    expect(await store.read("upload/new.bin")).toBeNull();
    expect(await filesOnDisk()).toEqual([]);
  });

  test("leaves the earlier version of the key intact", async () => {
    await store.put("upload/doc.bin", Buffer.from("version 1"));
    await expect(store.put("upload/doc.bin", failingSource())).rejects.toThrow("connection reset");
    expect((await store.read("upload/doc.bin"))?.toString()).toBe("version 1");
    expect(await filesOnDisk()).toEqual(["upload/doc.bin"]);
  });

  test("a source that fails before sending anything leaves nothing either", async () => {
    const source = new Readable({
      read() {
        this.destroy(new Error("refused at once"));
      },
    });
    await expect(store.put("k", source)).rejects.toThrow("refused at once");
    expect(await filesOnDisk()).toEqual([]);
  });
});
