import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describe(violation: Violation): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) => `      - ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`,
    );
  const more = violation.nodes.length > 5 ? [`      … and ${violation.nodes.length - 5} more`] : [];
  return [
    `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...nodes,
    ...more,
  ].join("\n");
}

/**
 * Runs axe-core on the page as it is now and fails with every serious or critical violation
 * spelled out, so the failure message alone says what to fix and where.
 */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  if (serious.length > 0) {
    throw new Error(
      `axe: ${serious.length} serious/critical violation(s) on ${label}:\n${serious.map(describe).join("\n")}`,
    );
  }
}
