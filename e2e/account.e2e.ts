import { eventually, runCli } from "@tandem/testkit";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, newContext, screenshot, watchProblems } from "./support/browser.js";
import { settle, signIn, waitForShell } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

const NEW_PASSWORD = "a long and fresh passphrase for the account page";

/**
 * An administrator made with the CLI: the first one's address, admin@localhost, has no dot
 * in its domain, which the sign-in page's discovery step refuses.
 */
const agent = { email: "camille.agent@ministere.example", password: "first passphrase of Camille" };

/** Opens the account page from the account menu, as a person would. */
async function openAccountPage(page: Page) {
  await page.getByTestId("account-menu").click();
  await page.getByTestId("account-link").click();
  await page.getByTestId("account-page").waitFor();
  await page.getByTestId("sessions-table").waitFor();
  await page.getByTestId("tokens-empty").or(page.getByTestId("tokens-table")).first().waitFor();
}

describe.skipIf(!haveChromium)("account page", () => {
  const suite = useSuite();

  test("tokens are created and revoked, the password changed; no serious axe violations", async () => {
    const { url } = suite.tandem;
    const admin = agent;
    const added = await runCli(
      [
        "user",
        "add",
        "--email",
        agent.email,
        "--name",
        "Camille Agent",
        "--admin",
        "--password-stdin",
      ],
      suite.tandem.env,
      { stdin: agent.password },
    );
    expect(added.code, added.stderr).toBe(0);
    const context = await newContext(suite.browser, { language: "en", theme: "light" });
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    await page.goto(url);
    await signIn(page, admin.email, admin.password);
    await waitForShell(page);
    await openAccountPage(page);
    expect(await page.title()).toBe("Account · Tandem");
    await expect(page.getByTestId("account-email").textContent()).resolves.toBe(admin.email);
    await expect(page.getByTestId("session-current").count()).resolves.toBe(1);
    await expect(page.getByTestId("account-security-link").getAttribute("href")).resolves.toBe(
      "/account/security",
    );

    // A token, shown once, works against the REST API until it is revoked.
    await page.getByTestId("token-name").fill("e2e script");
    await page.getByTestId("token-expiry").selectOption("90");
    await page.getByTestId("token-create").click();
    const secret = page.getByTestId("token-secret");
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token).toMatch(/^tdm_pat_/);
    expect(await secret.getAttribute("readonly")).not.toBeNull();
    // Focus lands on the new token, so it can be copied straight away.
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
        "token-secret",
      ),
    );
    await expect(page.getByTestId("token-row").count()).resolves.toBe(1);
    const me = () => fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const before = await me();
    expect(before.status).toBe(200);
    expect(((await before.json()) as { email: string }).email).toBe(admin.email);

    await settle(page);
    await expectNoSeriousViolations(page, "the account page (light)");
    await screenshot(page, "account-en");

    await page.getByTestId("token-revoke").click();
    await page.getByTestId("tokens-empty").waitFor();
    await expect(page.getByTestId("tokens-notice").getAttribute("role")).resolves.toBe("status");
    expect((await me()).status).toBe(401);
    await expect(page.getByTestId("token-secret").count()).resolves.toBe(0);

    // A wrong current password is said so, and changes nothing.
    await page.getByTestId("password-current").fill("not the password at all");
    await page.getByTestId("password-new").fill(NEW_PASSWORD);
    await page.getByTestId("password-repeat").fill(NEW_PASSWORD);
    await page.getByTestId("password-submit").click();
    const notice = page.getByTestId("password-notice");
    await eventually(async () => expect(await notice.getAttribute("role")).toBe("alert"));
    await expect(notice.textContent()).resolves.toContain("current password is incorrect");

    await page.getByTestId("password-current").fill(admin.password);
    await page.getByTestId("password-submit").click();
    await eventually(async () => expect(await notice.getAttribute("role")).toBe("status"));
    await expect(notice.textContent()).resolves.toContain("has been changed");
    // This session stays signed in.
    await page.reload();
    await page.getByTestId("account-page").waitFor();

    await page.getByTestId("account-menu").click();
    await page.getByTestId("sign-out").click();
    await page.getByTestId("sign-in-form").waitFor();
    await signIn(page, admin.email, NEW_PASSWORD);
    await waitForShell(page);
    // The agent's password is this one from now on, for the next test.
    agent.password = NEW_PASSWORD;

    expect(
      problems.filter((p) => !p.includes("status of 401") && !p.includes("status of 400")),
      problems.join("\n"),
    ).toEqual([]);
    await context.close();
  });

  test("the account page in the dark theme has no serious axe violations", async () => {
    const { url } = suite.tandem;
    const admin = agent;
    const context = await newContext(suite.browser, { language: "en", theme: "dark" });
    const page = await context.newPage();
    await page.goto(url);
    await signIn(page, admin.email, admin.password);
    await waitForShell(page);
    await openAccountPage(page);
    await settle(page);
    await expectNoSeriousViolations(page, "the account page (dark)");
    await screenshot(page, "account-en-dark");
    await context.close();
  });
});
