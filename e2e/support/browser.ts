import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium; `npx playwright install` cannot download browsers on our machines. */
export const chromiumPath = process.env.TANDEM_E2E_CHROMIUM ?? "/usr/bin/chromium";

export const haveChromium = existsSync(chromiumPath);

// In CI a suite skipped for want of a browser would be a silent hole: fail the run instead.
if (!haveChromium) {
  if (process.env.CI === "true") {
    throw new Error(
      `CI=true: Chromium is missing at ${chromiumPath}; install it with apt-get install -y chromium`,
    );
  }
  console.warn(
    `e2e: Chromium not found at ${chromiumPath}; browser tests are SKIPPED (apt-get install -y chromium)`,
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type Language = "en" | "fr" | "de";
export type Theme = "light" | "dark";

/**
 * A fresh browser profile. The locale and the system colour scheme are fixed, so the app's
 * automatic choices (browser language, `prefers-color-scheme`) are the same on every machine.
 */
export function newContext(
  browser: Browser,
  options: { language?: Language; theme?: Theme } = {},
): Promise<BrowserContext> {
  const locales = { en: "en-GB", fr: "fr-FR", de: "de-DE" } as const;
  return browser.newContext({
    locale: locales[options.language ?? "en"],
    colorScheme: options.theme ?? "light",
    viewport: { width: 1280, height: 800 },
  });
}

/** A response the app expects and handles, which Chromium still logs as a console error. */
export interface ExpectedFailure {
  path: string;
  status: number;
}

/**
 * Collects what must not happen on a page: console errors and warnings, uncaught exceptions
 * and Content-Security-Policy violations. Chromium logs every 4xx response as a console error,
 * so the answers the app expects (401 from `/api/v1/me` when signed out) are listed and let through.
 */
export async function watchProblems(
  page: Page,
  expected: ExpectedFailure[] = [{ path: "/api/v1/me", status: 401 }],
): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  // Init scripts run through the DevTools protocol, so the page's own CSP does not block them.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on("console", (message) => {
    const type = message.type();
    if (type !== "error" && type !== "warning") return;
    const text = message.text();
    const where = message.location().url;
    if (text.startsWith("Failed to load resource") && where) {
      const path = new URL(where).pathname;
      if (expected.some((e) => e.path === path && text.includes(`status of ${e.status}`))) return;
    }
    problems.push(`console.${type}: ${text}${where ? ` (${where})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
  return { problems };
}

export const resultsDir = join(fileURLToPath(new URL("../..", import.meta.url)), "test-results");

/** Saves a full-page screenshot as `test-results/<name>.png` for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
