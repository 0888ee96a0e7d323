import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  haveChromium,
  launchBrowser,
  newContext,
  screenshot,
  watchProblems,
} from "./support/browser.js";
import { signIn, waitForShell } from "./support/flows.js";
import { type E2eTandem, startTandem } from "./support/tandem.js";

describe.skipIf(!haveChromium)("signing in and out", () => {
  let tandem: E2eTandem;
  let browser: Browser;

  beforeAll(async () => {
    [tandem, browser] = await Promise.all([startTandem(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
  });

  test("the first admin signs in with the printed password and sees the shell", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const { problems } = await watchProblems(page, [
      { path: "/api/v1/me", status: 401 },
      { path: "/api/v1/session", status: 401 },
    ]);

    const response = await page.goto(tandem.url);
    // The watcher reports CSP violations; that only means something if a strict policy is sent.
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByTestId("sign-in-form").waitFor();
    await expect(page.title()).resolves.toBe("Sign in · Tandem");
    await screenshot(page, "sign-in-light-en");

    await signIn(page, tandem.admin.email, `${tandem.admin.password}-wrong`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("The email address or password is incorrect.");
    await expect(page.getByTestId("account-menu").count()).resolves.toBe(0);

    await signIn(page, tandem.admin.email, tandem.admin.password);
    await waitForShell(page);
    await expect(page.locator("header").count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Welcome, Administrator",
    );

    await page.getByTestId("app-switcher").click();
    await expect(page.getByTestId("app-switcher-empty").textContent()).resolves.toContain(
      "No apps yet",
    );
    await page.keyboard.press("Escape");
    await page.getByTestId("app-switcher-empty").waitFor({ state: "hidden" });

    await page.getByTestId("account-menu").click();
    const accountMenu = page.getByRole("menu").filter({ has: page.getByTestId("sign-out") });
    await expect(accountMenu.textContent()).resolves.toContain(tandem.admin.email);
    await page.keyboard.press("Escape");
    await page.getByTestId("sign-out").waitFor({ state: "hidden" });

    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });

  test("signing out ends the session on the server, not only in the browser", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    await page.goto(tandem.url);
    await signIn(page, tandem.admin.email, tandem.admin.password);
    await waitForShell(page);

    const session = (await context.cookies(tandem.url)).find((c) => c.name === "tandem_session");
    expect(session, "the session cookie after signing in").toBeDefined();
    expect(session?.httpOnly).toBe(true);
    const cookie = `${session?.name}=${session?.value}`;
    const before = await fetch(`${tandem.url}/api/v1/me`, { headers: { cookie } });
    expect(before.status).toBe(200);

    await page.getByTestId("account-menu").click();
    await page.getByTestId("sign-out").click();
    await page.getByTestId("sign-in-form").waitFor();
    const left = (await context.cookies(tandem.url)).filter((c) => c.name === "tandem_session");
    expect(left, "the browser still holds the session cookie").toEqual([]);

    // The old cookie, replayed by someone who copied it, must be worthless now.
    const after = await fetch(`${tandem.url}/api/v1/me`, { headers: { cookie } });
    expect(after.status).toBe(401);

    // A reload still lands on the sign-in form.
    await page.reload();
    await page.getByTestId("sign-in-form").waitFor();
    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });
});
