import { Box, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Change } from "../api/versions";
import { splitLines } from "./lines";

const styles = {
  added: { background: "var(--mantine-color-green-light)", textDecoration: "none" },
  removed: { background: "var(--mantine-color-red-light)" },
  same: {},
} as const;

const markers = { added: "+", removed: "−", same: " " } as const;

/**
 * Lines added and removed between two versions. Colour is never the only signal: each
 * line carries a + or − marker, is an <ins> or <del>, and says so to screen readers.
 */
export function DiffView({ changes: given }: { changes: Change[] }) {
  const { t } = useTranslation();
  const changes = splitLines(given);
  const added = changes.filter((c) => c.change === "added").length;
  const removed = changes.filter((c) => c.change === "removed").length;
  return (
    <div data-testid="docs-diff">
      <Text size="sm" mb="xs" data-testid="docs-diff-summary">
        {t("docs.versions.diffSummary", { added, removed })}
      </Text>
      <Box
        component="ol"
        style={{
          listStyle: "none",
          margin: 0,
          padding: 0,
          fontFamily: "var(--mantine-font-family-monospace)",
        }}
        fz="sm"
      >
        {changes.map((change, index) => {
          const Tag =
            change.change === "added" ? "ins" : change.change === "removed" ? "del" : "span";
          return (
            // Lines have no identity of their own; their order is the diff.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} data-change={change.change} data-testid="docs-diff-line">
              <Tag
                style={{
                  ...styles[change.change],
                  display: "block",
                  whiteSpace: "pre-wrap",
                  padding: "0 4px",
                }}
              >
                <span aria-hidden="true">{markers[change.change]} </span>
                {change.change !== "same" && (
                  <VisuallyHidden>{t(`docs.versions.${change.change}`)}</VisuallyHidden>
                )}
                {change.text || " "}
              </Tag>
            </li>
          );
        })}
      </Box>
    </div>
  );
}
