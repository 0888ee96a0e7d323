import type { Page } from "playwright-core";

/** Signs in through the form; field names rather than labels, so it works in every language. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByTestId("sign-in-form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
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
