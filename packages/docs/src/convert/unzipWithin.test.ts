import { strToU8, zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { TooLargeFile, UnreadableFile } from "./UnreadableFile.js";
import { unzipWithin } from "./unzipWithin.js";

const MB = 1024 * 1024;

/** Sets every declared uncompressed size in the archive's headers to `size`: a crafted file. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true); // local header
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true); // central directory
  }
  return out;
}

describe("unzipWithin", () => {
  test("unpacks an archive under the limit", () => {
    const zip = zipSync({ mimetype: strToU8("application/x"), "content.xml": strToU8("<a/>") });
    const entries = unzipWithin(zip, MB);
    expect(new TextDecoder().decode(entries["content.xml"])).toBe("<a/>");
    expect(Object.keys(entries).sort()).toEqual(["content.xml", "mimetype"]);
  });

  test("stops a zip bomb at the limit, even when its headers lie about the size", () => {
    const bomb = zipSync({ "content.xml": new Uint8Array(50 * MB) }, { level: 9 });
    expect(bomb.length).toBeLessThan(MB);
    expect(() => unzipWithin(bomb, 10 * MB)).toThrow(TooLargeFile);
    expect(() => unzipWithin(lieAboutSizes(bomb, 100), 10 * MB)).toThrow(TooLargeFile);
  });

  test("something that is not a ZIP is unreadable", () => {
    expect(() => unzipWithin(strToU8("not a zip at all"), MB)).toThrow(UnreadableFile);
    expect(() => unzipWithin(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), MB)).toThrow(
      UnreadableFile,
    );
  });
});
