import type { Page } from "playwright-core";

/**
 * The sign-in card's first step: types the address and continues. From the password step (after
 * a wrong password, say) it goes back first, unless the address shown is already this one.
 */
export async function continueWithEmail(page: Page, email: string): Promise<void> {
  await page.getByTestId("sign-in-form").waitFor();
  if (await page.getByTestId("sign-in-password").isVisible()) {
    const shown = await page
      .getByTestId("sign-in-form")
      .locator('input[name="email"]')
      .inputValue();
    if (shown === email) return;
    await page.getByTestId("sign-in-change-email").click();
  }
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-continue").click();
}

/** Signs in with a password, in both steps; test ids rather than labels, so any language works. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await continueWithEmail(page, email);
  const field = page.getByTestId("sign-in-password");
  await field.waitFor();
  await field.fill(password);
  await page.getByTestId("sign-in-submit").click();
}

/** Waits until the signed-in shell is on screen. */
export async function waitForShell(page: Page): Promise<void> {
  await page.getByTestId("account-menu").waitFor();
}

export async function chooseLanguage(page: Page, language: "en" | "fr" | "de"): Promise<void> {
  await page.getByTestId("language-switcher").click();
  await page.getByTestId(`language-${language}`).click();
}

export function colorScheme(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("data-mantine-color-scheme");
}

/**
 * Waits until menus have finished fading in, so checks see the final colours: Mantine starts
 * a transition a frame after mounting, hence the frames before looking for running animations.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
  await page.waitForFunction(
    () =>
      document.getAnimations().every((animation) => animation.playState !== "running") &&
      [...document.querySelectorAll('[role="menu"]')].every(
        (menu) => getComputedStyle(menu).opacity === "1",
      ),
  );
}
