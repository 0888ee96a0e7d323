import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { type Block, cellContent, type Inline, type TableContent } from "./blocks.js";
import { embeddedImage, fitted } from "./images.js";

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];
const MONOSPACE = "Courier New";

/** A document's blocks as a DOCX file (Office Open XML), written with the `docx` library. */
export async function blocksToDocx(title: string, blocks: Block[]): Promise<Buffer> {
  const document = new Document({
    title,
    // Named paragraph styles, so that readers (Word, LibreOffice, our own import) know a
    // quote and code for what they are.
    styles: {
      paragraphStyles: [
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          run: { italics: true },
          paragraph: { indent: { left: 720 } },
        },
        { id: "Code", name: "Code", basedOn: "Normal", run: { font: MONOSPACE, size: 20 } },
      ],
    },
    numbering: {
      config: [
        {
          reference: "numbered",
          levels: Array.from({ length: 6 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: blocks.flatMap((block) => render(block, 0)) }],
  });
  return Packer.toBuffer(document);
}

function render(block: Block, depth: number): Array<Paragraph | Table> {
  const own = renderOwn(block, depth);
  const nested = block.type.endsWith("ListItem") ? depth + 1 : depth;
  return [...own, ...block.children.flatMap((child) => render(child, nested))];
}

function renderOwn(block: Block, depth: number): Array<Paragraph | Table> {
  const inline = Array.isArray(block.content) ? block.content : [];
  switch (block.type) {
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(block.props.level ?? 1)));
      return [new Paragraph({ heading: HEADINGS[level - 1], children: runs(inline) })];
    }
    case "bulletListItem":
      return [new Paragraph({ bullet: { level: Math.min(depth, 8) }, children: runs(inline) })];
    case "numberedListItem":
      return [
        new Paragraph({
          numbering: { reference: "numbered", level: Math.min(depth, 5) },
          children: runs(inline),
        }),
      ];
    case "checkListItem":
      return [
        new Paragraph({
          children: [new TextRun(block.props.checked ? "☑ " : "☐ "), ...runs(inline)],
        }),
      ];
    case "quote":
      return [
        new Paragraph({
          style: "Quote",
          indent: { left: 720 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: "999999", space: 8 } },
          children: runs(inline),
        }),
      ];
    case "codeBlock":
      return inline
        .map((item) => (item.type === "text" ? item.text : ""))
        .join("")
        .split("\n")
        .map((line) => new Paragraph({ style: "Code", children: [new TextRun({ text: line })] }));
    case "table":
      return [table(block.content as TableContent)];
    case "image": {
      const label = String(block.props.caption || block.props.name || block.props.url || "image");
      const url = String(block.props.url ?? "");
      const image = embeddedImage(url);
      if (image) {
        // 600 px at 96 dpi is about the text width of an A4 page with Word's margins.
        const size = fitted(image, 600);
        return [
          new Paragraph({
            children: [
              new ImageRun({
                type: image.extension === "jpg" ? "jpg" : image.extension,
                data: image.bytes,
                transformation: size,
                altText: { name: label, description: label, title: label },
              }),
            ],
          }),
        ];
      }
      return [
        new Paragraph({
          children: url.startsWith("http")
            ? [
                new ExternalHyperlink({
                  link: url,
                  children: [new TextRun({ text: label, style: "Hyperlink" })],
                }),
              ]
            : [new TextRun(label)],
        }),
      ];
    }
    default:
      return [new Paragraph({ children: runs(inline) })];
  }
}

function table(content: TableContent): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: content.rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: index < (content.headerRows ?? 0),
          children: row.cells.map(
            (cell) =>
              new TableCell({ children: [new Paragraph({ children: runs(cellContent(cell)) })] }),
          ),
        }),
    ),
  });
}

function runs(inline: Inline[]): Array<TextRun | ExternalHyperlink> {
  return inline.map((item) =>
    item.type === "link"
      ? new ExternalHyperlink({
          link: item.href,
          children: item.content.map(
            (text) =>
              new TextRun({ ...runOptions(text.styles), text: text.text, style: "Hyperlink" }),
          ),
        })
      : new TextRun({ ...runOptions(item.styles), text: item.text }),
  );
}

function runOptions(styles: Record<string, boolean | string>) {
  return {
    bold: styles.bold === true,
    italics: styles.italic === true,
    strike: styles.strike === true,
    ...(styles.underline === true ? { underline: {} } : {}),
    ...(styles.code === true ? { font: MONOSPACE } : {}),
  };
}
