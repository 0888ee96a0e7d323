import { eventually } from "@tandem/testkit";
import { describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, newContext, screenshot, watchProblems } from "./support/browser.js";
import { signIn, waitForShell } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

const notFound = {
  en: { heading: "Page not found", home: "Go to the home page", title: "Page not found · Tandem" },
  fr: {
    heading: "Page introuvable",
    home: "Aller à la page d’accueil",
    title: "Page introuvable · Tandem",
  },
  de: {
    heading: "Seite nicht gefunden",
    home: "Zur Startseite",
    title: "Seite nicht gefunden · Tandem",
  },
} as const;

describe.skipIf(!haveChromium)("page not found", () => {
  const suite = useSuite();

  test("an unknown path says so, passes axe, and leads home; back and forward keep working", async () => {
    const context = await newContext(suite.browser, { language: "en" });
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    // A deep link to a path no module routes: the server answers with the app, which signs in
    // first and then shows the not-found page, not the home page.
    await page.goto(`${suite.tandem.url}/no/such/page`);
    await signIn(page, suite.tandem.admin.email, suite.tandem.admin.password);
    await waitForShell(page);
    await page.getByRole("heading", { level: 1, name: notFound.en.heading }).waitFor();
    expect(await page.getByTestId("welcome-hint").count()).toBe(0);
    await eventually(async () => expect(await page.title()).toBe(notFound.en.title));
    await expectNoSeriousViolations(page, "the not-found page");
    await screenshot(page, "not-found-en");

    // The link home moves in place (no reload), and the browser's back button returns.
    await page.getByRole("link", { name: notFound.en.home }).click();
    await page.getByRole("heading", { level: 1, name: "Welcome, Administrator" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: notFound.en.heading }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/no/such/page");
    await page.goForward();
    await page.getByRole("heading", { level: 1, name: "Welcome, Administrator" }).waitFor();

    // Known deep links still open their page.
    await page.goto(`${suite.tandem.url}/admin/audit`);
    await page.getByTestId("admin-page").waitFor();
    expect(await page.getByTestId("not-found").count()).toBe(0);

    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });

  test.each(["fr", "de"] as const)("the not-found page speaks %s", async (language) => {
    const context = await newContext(suite.browser, { language });
    const page = await context.newPage();
    await page.goto(`${suite.tandem.url}/accounts`);
    await signIn(page, suite.tandem.admin.email, suite.tandem.admin.password);
    await waitForShell(page);
    const strings = notFound[language];
    await page.getByRole("heading", { level: 1, name: strings.heading }).waitFor();
    await page.getByRole("link", { name: strings.home }).waitFor();
    await eventually(async () => expect(await page.title()).toBe(strings.title));
    await expectNoSeriousViolations(page, `the not-found page (${language})`);
    await context.close();
  });
});
