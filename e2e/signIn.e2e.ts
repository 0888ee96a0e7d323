import { describe, expect, test } from "vitest";
import { haveChromium, newContext, screenshot, watchProblems } from "./support/browser.js";
import { signIn, waitForShell } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

describe.skipIf(!haveChromium)("signing in and out", () => {
  const suite = useSuite();

  test("the first admin signs in with the printed password and sees the shell", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const { problems } = await watchProblems(page, [
      { path: "/api/v1/me", status: 401 },
      { path: "/api/v1/session", status: 401 },
    ]);

    const response = await page.goto(suite.tandem.url);
    // The watcher reports CSP violations; that only means something if a strict policy is sent.
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByTestId("sign-in-form").waitFor();
    await expect(page.title()).resolves.toBe("Sign in · Tandem");
    await screenshot(page, "sign-in-light-en");

    await signIn(page, suite.tandem.admin.email, `${suite.tandem.admin.password}-wrong`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("The email address or password is incorrect.");
    await expect(page.getByTestId("account-menu").count()).resolves.toBe(0);

    await signIn(page, suite.tandem.admin.email, suite.tandem.admin.password);
    await waitForShell(page);
    await expect(page.locator("header").count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Welcome, Administrator",
    );

    await page.getByTestId("app-switcher").click();
    await expect(page.getByTestId("app-docs").textContent()).resolves.toContain("Docs");
    await page.keyboard.press("Escape");
    await page.getByTestId("app-docs").waitFor({ state: "hidden" });

    await page.getByTestId("account-menu").click();
    const accountMenu = page.getByRole("menu").filter({ has: page.getByTestId("sign-out") });
    await expect(accountMenu.textContent()).resolves.toContain(suite.tandem.admin.email);
    await page.keyboard.press("Escape");
    await page.getByTestId("sign-out").waitFor({ state: "hidden" });

    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });

  test("signing out ends the session on the server, not only in the browser", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    await page.goto(suite.tandem.url);
    await signIn(page, suite.tandem.admin.email, suite.tandem.admin.password);
    await waitForShell(page);

    const session = (await context.cookies(suite.tandem.url)).find(
      (c) => c.name === "tandem_session",
    );
    expect(session, "the session cookie after signing in").toBeDefined();
    expect(session?.httpOnly).toBe(true);
    const cookie = `${session?.name}=${session?.value}`;
    const before = await fetch(`${suite.tandem.url}/api/v1/me`, { headers: { cookie } });
    expect(before.status).toBe(200);

    await page.getByTestId("account-menu").click();
    await page.getByTestId("sign-out").click();
    await page.getByTestId("sign-in-form").waitFor();
    const left = (await context.cookies(suite.tandem.url)).filter(
      (c) => c.name === "tandem_session",
    );
    expect(left, "the browser still holds the session cookie").toEqual([]);

    // The old cookie, replayed by someone who copied it, must be worthless now.
    const after = await fetch(`${suite.tandem.url}/api/v1/me`, { headers: { cookie } });
    expect(after.status).toBe(401);

    // A reload still lands on the sign-in form.
    await page.reload();
    await page.getByTestId("sign-in-form").waitFor();
    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });
});
