import { eventually } from "@tandem/testkit";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { haveChromium, newContext, screenshot, watchProblems } from "./support/browser.js";
import { chooseLanguage, colorScheme, signIn, waitForShell } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

/** What a visitor reads on the sign-in screen, per language. */
const signInScreen = {
  en: { heading: "Sign in to Tandem", continue: "Continue", title: "Sign in · Tandem" },
  fr: { heading: "Se connecter à Tandem", continue: "Continuer", title: "Connexion · Tandem" },
  de: { heading: "Bei Tandem anmelden", continue: "Weiter", title: "Anmelden · Tandem" },
} as const;

async function expectSignInIn(page: Page, language: keyof typeof signInScreen) {
  const strings = signInScreen[language];
  await page.getByRole("heading", { level: 1, name: strings.heading }).waitFor();
  // The title and <html lang> follow the render in effects, so they are read until they agree.
  await eventually(async () => {
    expect(await page.locator("html").getAttribute("lang")).toBe(language);
    expect(await page.title()).toBe(strings.title);
    expect(await page.getByTestId("sign-in-continue").textContent()).toBe(strings.continue);
    expect(await page.getByTestId("language-switcher").textContent()).toBe(language.toUpperCase());
  });
}

describe.skipIf(!haveChromium)("preferences", () => {
  const suite = useSuite();

  test("the language switcher changes the strings and <html lang>, and the choice survives a reload", async () => {
    const context = await newContext(suite.browser, { language: "en" });
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    await page.goto(suite.tandem.url);
    await expectSignInIn(page, "en");

    await chooseLanguage(page, "fr");
    await expectSignInIn(page, "fr");
    await chooseLanguage(page, "de");
    await expectSignInIn(page, "de");
    await screenshot(page, "sign-in-de");

    await page.reload();
    await expectSignInIn(page, "de");

    // The choice also holds once signed in, and switching back to English works there too.
    await signIn(page, suite.tandem.admin.email, suite.tandem.admin.password);
    await waitForShell(page);
    await page.getByRole("heading", { level: 1, name: "Willkommen, Administrator" }).waitFor();
    await expect(page.getByTestId("app-switcher").getAttribute("aria-label")).resolves.toBe(
      "Anwendungen",
    );
    await chooseLanguage(page, "en");
    await page.getByRole("heading", { level: 1, name: "Welcome, Administrator" }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await page.reload();
    await waitForShell(page);
    await page.getByRole("heading", { level: 1, name: "Welcome, Administrator" }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");

    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });

  test("the browser's language is used until the user chooses one", async () => {
    const context = await newContext(suite.browser, { language: "fr" });
    const page = await context.newPage();
    await page.goto(suite.tandem.url);
    await expectSignInIn(page, "fr");
    await context.close();
  });

  test("the theme toggle switches light and dark, and the choice survives a reload", async () => {
    const context = await newContext(suite.browser, { theme: "light" });
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    await page.goto(suite.tandem.url);
    await page.getByTestId("sign-in-form").waitFor();
    await expect(colorScheme(page)).resolves.toBe("light");
    const toggle = page.getByTestId("theme-toggle");
    await expect(toggle.getAttribute("aria-label")).resolves.toBe("Switch to dark theme");

    await toggle.click();
    await eventually(() => expect(colorScheme(page)).resolves.toBe("dark"));
    await expect(toggle.getAttribute("aria-label")).resolves.toBe("Switch to light theme");
    const darkBackground = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );

    await page.reload();
    await page.getByTestId("sign-in-form").waitFor();
    await expect(colorScheme(page)).resolves.toBe("dark");
    await expect(
      page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    ).resolves.toBe(darkBackground);

    await signIn(page, suite.tandem.admin.email, suite.tandem.admin.password);
    await waitForShell(page);
    await expect(colorScheme(page)).resolves.toBe("dark");
    await page.getByTestId("theme-toggle").click();
    await eventually(() => expect(colorScheme(page)).resolves.toBe("light"));
    await expect(
      page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    ).resolves.not.toBe(darkBackground);
    await page.reload();
    await waitForShell(page);
    await expect(colorScheme(page)).resolves.toBe("light");

    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });

  test("a dark system theme is followed until the user chooses one", async () => {
    const context = await newContext(suite.browser, { theme: "dark" });
    const page = await context.newPage();
    await page.goto(suite.tandem.url);
    await page.getByTestId("sign-in-form").waitFor();
    await expect(colorScheme(page)).resolves.toBe("dark");
    await context.close();
  });
});
