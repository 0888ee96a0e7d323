import { eventually, runCli } from "@tandem/testkit";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, newContext, screenshot, watchProblems } from "./support/browser.js";
import { settle, signIn, waitForShell } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

/** An administrator with a dotted domain: the sign-in page's discovery refuses admin@localhost. */
const admin = { email: "dominique.admin@ville.example", password: "passphrase of Dominique" };
const member = { email: "claude.membre@ville.example", password: "passphrase of Claude" };
const newcomer = { email: "sacha.nouveau@lyon.example", password: "first passphrase of Sacha" };

async function addUser(env: Record<string, string>, who: typeof admin, extra: string[] = []) {
  const added = await runCli(
    ["user", "add", "--email", who.email, "--name", "Someone", "--password-stdin", ...extra],
    env,
    { stdin: who.password },
  );
  expect(added.code, added.stderr).toBe(0);
}

async function openSection(page: Page, section: string) {
  await page.getByTestId(`admin-tab-${section}`).click();
  await eventually(async () => expect(new URL(page.url()).pathname).toBe(`/admin/${section}`));
}

/** Filters the audit log by action and who, and returns the matching rows' actions. */
async function filterAudit(page: Page, action: string, who: string) {
  await page.getByTestId("admin-audit-action").selectOption(action);
  await page.getByTestId("admin-audit-who").fill(who);
  await page.getByTestId("admin-audit-apply").click();
  const rows = page.getByTestId("admin-audit-row");
  await eventually(async () => {
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().getAttribute("data-action")).toBe(action);
  });
  return rows;
}

describe.skipIf(!haveChromium)("administration", () => {
  const suite = useSuite();

  test("an admin manages organisations, users and apps, then finds it all in the audit log", async () => {
    const { url, env } = suite.tandem;
    await addUser(env, admin, ["--admin"]);
    const context = await newContext(suite.browser, { language: "en", theme: "light" });
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    await page.goto(url);
    await signIn(page, admin.email, admin.password);
    await waitForShell(page);
    await page.getByTestId("account-menu").click();
    await page.getByTestId("admin-link").click();
    await page.getByTestId("admin-users-table").waitFor();
    expect(await page.title()).toBe("Administration · Tandem");
    await settle(page);
    await expectNoSeriousViolations(page, "the admin page, users");

    // An organisation whose members must use a second factor… then not.
    await openSection(page, "organisations");
    await page.getByTestId("admin-organisation-name").fill("Ville de Lyon");
    await page.getByTestId("admin-organisation-country").fill("FR");
    await page.getByTestId("admin-organisation-create").click();
    const lyon = page.locator('[data-testid="admin-organisation-row"][data-name="Ville de Lyon"]');
    await lyon.waitFor();
    await lyon.getByTestId("admin-organisation-mfa").click();
    await eventually(async () =>
      expect(await lyon.getByTestId("admin-organisation-mfa").isChecked()).toBe(true),
    );
    await lyon.getByTestId("admin-organisation-mfa").click();
    await eventually(async () =>
      expect(await lyon.getByTestId("admin-organisation-mfa").isChecked()).toBe(false),
    );
    await settle(page);
    await expectNoSeriousViolations(page, "the admin page, organisations");

    // A user in that organisation, who can sign in with the password given.
    await openSection(page, "users");
    await page.getByTestId("admin-user-email").fill(newcomer.email);
    await page.getByTestId("admin-user-name").fill("Sacha Nouveau");
    await page.getByTestId("admin-user-organisation").selectOption({ label: "Ville de Lyon" });
    await page.getByTestId("admin-user-password").fill(newcomer.password);
    await page.getByTestId("admin-user-create").click();
    const row = page.locator(`[data-testid="admin-user-row"][data-email="${newcomer.email}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Ville de Lyon");

    // An app: its secret appears once, and nowhere after.
    await openSection(page, "clients");
    await page.getByTestId("admin-client-name").fill("Intranet de Lyon");
    await page.getByTestId("admin-client-redirect-uris").fill("https://intranet.lyon.example/cb");
    await page.getByTestId("admin-client-third-party").check();
    await page.getByTestId("admin-client-create").click();
    const secret = page.getByTestId("admin-client-secret");
    await secret.waitFor();
    const shown = await secret.inputValue();
    expect(shown.length).toBeGreaterThan(30);
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
        "admin-client-secret",
      ),
    );
    const clientId = await page.getByTestId("admin-client-created-id").inputValue();
    await page.locator('[data-testid="admin-client-row"][data-name="Intranet de Lyon"]').waitFor();
    await settle(page);
    await expectNoSeriousViolations(page, "the admin page, applications with a new secret");
    await screenshot(page, "admin-clients-en");
    await openSection(page, "users");
    await openSection(page, "clients");
    await page.getByTestId("admin-clients-table").waitFor();
    await expect(page.getByTestId("admin-client-secret").count()).resolves.toBe(0);
    expect(await page.content()).not.toContain(shown);

    // Disabling asks first, then the account cannot sign in any more.
    await openSection(page, "users");
    await row.getByTestId("admin-user-disable").click();
    await page.getByTestId("admin-user-dialog-cancel").waitFor();
    await settle(page);
    await expectNoSeriousViolations(page, "the admin page, confirmation dialog");
    await screenshot(page, "admin-users-dialog-en");
    await page.getByTestId("admin-user-dialog-confirm").click();
    await eventually(async () =>
      expect(await row.getByTestId("admin-user-status").textContent()).toBe("Disabled"),
    );
    await expect(page.getByTestId("admin-users-notice").getAttribute("role")).resolves.toBe(
      "status",
    );
    const signInAttempt = await fetch(`${url}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify(newcomer),
    });
    expect(signInAttempt.status).toBe(401);

    // Resetting second factors goes through the MFA module's endpoint.
    await row.getByTestId("admin-user-reset").click();
    await page.getByTestId("admin-user-dialog-confirm").click();
    await eventually(async () =>
      expect(await page.getByTestId("admin-users-notice").textContent()).toContain("reset"),
    );

    // The audit log finds each action, by action and by who.
    await openSection(page, "audit");
    await page.getByTestId("admin-audit-table").waitFor();
    await filterAudit(page, "organisation_added", "Ville de Lyon");
    await filterAudit(page, "user_created", newcomer.email);
    const disabled = await filterAudit(page, "user_disabled", newcomer.email);
    await expect(disabled.first().textContent()).resolves.toContain(admin.email);
    await filterAudit(page, "client_added", clientId);
    await page.getByTestId("admin-audit-clear").click();
    await settle(page);
    await expectNoSeriousViolations(page, "the admin page, audit log");
    await screenshot(page, "admin-audit-en");

    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });

  test("a member going to /admin is told it is not allowed, in their language", async () => {
    const { url, env } = suite.tandem;
    await addUser(env, member);
    const context = await newContext(suite.browser, { language: "fr", theme: "dark" });
    const page = await context.newPage();
    await page.goto(url);
    await signIn(page, member.email, member.password);
    await waitForShell(page);
    await page.getByTestId("account-menu").click();
    await expect(page.getByTestId("admin-link").count()).resolves.toBe(0);
    await page.keyboard.press("Escape");
    await page.goto(`${url}/admin`);
    const refusal = page.getByTestId("admin-not-allowed");
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain("Seuls les administrateurs");
    await settle(page);
    await expectNoSeriousViolations(page, "the admin page refused to a member (fr, dark)");
    await context.close();
  });
});
