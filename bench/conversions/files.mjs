// The files the conversions benchmark imports: the hostile ones of issue 11 (item 2), made
// here as the hostile-import test makes them, and an ordinary document of 1,000 paragraphs.
import { strToU8, zipSync } from "fflate";

/** 2 MB of one-letter paragraphs: Markdown that parses to 700,000 blocks. */
export const aParagraphs = () => "a\n\n".repeat(700_000);

/** 1,000 paragraphs under a few headings, about 120 KB: what people import every day. */
export function ordinaryMarkdown() {
  const parts = ["# Compte rendu\n"];
  for (let i = 1; i <= 1000; i++) {
    if (i % 100 === 1) parts.push(`## Partie ${Math.ceil(i / 100)}\n`);
    parts.push(
      `Paragraphe ${i} : la séance est ouverte, le **quorum** est atteint et l'ordre du jour adopté sans _observation_.\n`,
    );
  }
  return parts.join("\n");
}

/** A DOCX of a few hundred KB whose word/document.xml unpacks to about `megabytes` MB. */
export function docxBomb(megabytes) {
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
