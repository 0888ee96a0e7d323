import { describe, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import {
  haveChromium,
  type Language,
  newContext,
  screenshot,
  type Theme,
} from "./support/browser.js";
import { settle, signIn, waitForShell } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

const languages: Language[] = ["en", "fr", "de"];
const themes: Theme[] = ["light", "dark"];
const cases = languages.flatMap((language) => themes.map((theme) => ({ language, theme })));

/**
 * axe-core on every screen a person sees before and right after signing in, in each
 * language and theme: contrast, names and ARIA roles differ between them.
 */
describe.skipIf(!haveChromium)("accessibility (axe-core: no serious or critical violation)", () => {
  const suite = useSuite();

  test.each(cases)("$language, $theme theme", async ({ language, theme }) => {
    const context = await newContext(suite.browser, { language, theme });
    const page = await context.newPage();
    const where = (screen: string) => `${screen} (${language}, ${theme})`;
    try {
      await page.goto(suite.tandem.url);
      await page.getByTestId("sign-in-form").waitFor();
      await settle(page);
      await screenshot(page, `sign-in-${theme}-${language}`);
      await expectNoSeriousViolations(page, where("the sign-in screen"));

      await signIn(page, suite.tandem.admin.email, "not-the-password");
      await page.getByRole("alert").waitFor();
      await settle(page);
      await expectNoSeriousViolations(page, where("the sign-in screen with its error"));

      await signIn(page, suite.tandem.admin.email, suite.tandem.admin.password);
      await waitForShell(page);
      await page.getByTestId("welcome-hint").waitFor();
      await settle(page);
      await screenshot(page, `shell-${theme}-${language}`);
      await expectNoSeriousViolations(page, where("the signed-in shell"));

      await page.getByTestId("app-switcher").click();
      await page.getByTestId("app-docs").waitFor();
      await settle(page);
      await expectNoSeriousViolations(page, where("the shell with the app switcher open"));
      await page.keyboard.press("Escape");
      await page.getByTestId("app-docs").waitFor({ state: "hidden" });

      await page.getByTestId("account-menu").click();
      await page.getByTestId("sign-out").waitFor();
      await settle(page);
      await screenshot(page, `account-menu-${theme}-${language}`);
      await expectNoSeriousViolations(page, where("the shell with the account menu open"));
    } finally {
      await context.close();
    }
  });
});
