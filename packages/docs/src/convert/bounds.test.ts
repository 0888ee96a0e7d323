import { describe, expect, test } from "vitest";
import type { Block } from "./blocks.js";
import { checkBlocks, checkMarkup, shapeOf } from "./bounds.js";
import { TooComplexFile, TooLargeFile } from "./UnreadableFile.js";

const BOUNDS = { maxBlocks: 10, maxDepth: 3, maxCharacters: 100, maxUnpackedBytes: 1024 };
const P = new Set(["p", "li"]);

describe("shapeOf", () => {
  test("counts blocks, elements, depth and text, past comments, void elements and quoted >", () => {
    const html = `<ul><li><p a="x>y">one<br>two</p></li></ul><!-- <p>not</p> --><img src="a"><p/>`;
    expect(shapeOf(html, P, true)).toEqual({ blocks: 3, elements: 6, depth: 3, characters: 6 });
  });

  test("XML: self-closing elements do not nest; CDATA is text", () => {
    const xml = `<?xml version="1.0"?><w:body><w:p><w:br/><w:t><![CDATA[a<b]]></w:t></w:p></w:body>`;
    const shape = shapeOf(xml, new Set(["w:p"]));
    expect(shape).toMatchObject({ blocks: 1, elements: 4, depth: 3 });
  });

  test("stops at the first count past its maximum", () => {
    const many = "<p>a</p>".repeat(1_000);
    const max = { blocks: 5, elements: Infinity, depth: Infinity, characters: Infinity };
    expect(shapeOf(many, P, true, max).blocks).toBe(6);
  });
});

describe("checkMarkup and checkBlocks", () => {
  const limits = { html: true, elementsPerBlock: 5, depthPerLevel: 1, baseDepth: 1 };
  test("too many blocks or characters is too large; too deep is too complex", () => {
    expect(() => checkMarkup("<p>a</p>".repeat(11), P, BOUNDS, limits)).toThrow(TooLargeFile);
    expect(() => checkMarkup(`<p>${"a".repeat(101)}</p>`, P, BOUNDS, limits)).toThrow(TooLargeFile);
    expect(() => checkMarkup("<ul>".repeat(5), P, BOUNDS, limits)).toThrow(TooComplexFile);
    expect(() => checkMarkup("<ul><li><p>fine</p></li></ul>", P, BOUNDS, limits)).not.toThrow();
  });

  test("blocks nested past the depth, or too many with their table cells", () => {
    const block = (children: Block[] = []): Block => ({ type: "paragraph", props: {}, children });
    expect(() => checkBlocks([block([block([block()])])], BOUNDS)).not.toThrow();
    expect(() => checkBlocks([block([block([block([block()])])])], BOUNDS)).toThrow(TooComplexFile);
    const table: Block = {
      type: "table",
      props: {},
      children: [],
      content: { type: "tableContent", rows: [{ cells: Array.from({ length: 10 }, () => []) }] },
    };
    expect(() => checkBlocks([table], BOUNDS)).toThrow(TooLargeFile);
  });
});
