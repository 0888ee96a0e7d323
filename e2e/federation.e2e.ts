import { runCli, UpstreamProviderDouble } from "@tandem/testkit";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import {
  haveChromium,
  newContext,
  screenshot,
  type Theme,
  watchProblems,
} from "./support/browser.js";
import { continueWithEmail, settle, signIn, waitForShell } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

const agent = {
  sub: "pc-1",
  email: "jean.dupont@interieur.gouv.fr",
  given_name: "Jean",
  usual_name: "Dupont",
  siret: "13002526500013",
};
const clientSecret = "s3cret-s3cret";

/** Whether keyboard focus is on the input named `name`. */
function focusedInput(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("name") ?? null);
}

/**
 * Email-first sign-in against a ProConnect double: the address decides whether Tandem asks
 * for a password or sends the browser to the identity provider its domain is bound to.
 */
describe.skipIf(!haveChromium)("email-first sign-in and federation", () => {
  const suite = useSuite();
  let double: UpstreamProviderDouble | undefined;

  beforeAll(async () => {
    // The double must know Tandem's callback, so Tandem is started first (useSuite).
    double = await UpstreamProviderDouble.start({
      profile: "proconnect",
      accounts: [agent],
      client: {
        clientId: "tandem",
        clientSecret,
        redirectUri: `${suite.tandem.url}/federation/callback`,
      },
    });
    // The running server reads upstreams per request: no restart after the operator adds one.
    const added = await runCli(
      [
        "idp",
        "add",
        "--name",
        "ProConnect",
        "--issuer",
        double.issuer,
        "--client-id",
        "tandem",
        "--client-secret-stdin",
        "--domain",
        "interieur.gouv.fr",
        "--profile",
        "proconnect",
        "--federation",
        "FR",
      ],
      suite.tandem.env,
      { stdin: clientSecret },
    );
    expect(added.code, `${added.stdout}\n${added.stderr}`).toBe(0);
  });

  afterAll(async () => {
    await double?.close();
  });

  test("an agent of a federated domain goes to ProConnect and comes back signed in", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    try {
      await page.goto(suite.tandem.url);
      await continueWithEmail(page, agent.email);
      await waitForShell(page);

      expect(new URL(page.url()).origin).toBe(suite.tandem.url);
      expect(double?.requests.map((r) => r.loginHint)).toEqual([agent.email]);
      await page.getByRole("heading", { level: 1, name: "Welcome, Jean Dupont" }).waitFor();
      await expect(page.getByTestId("account-menu").getAttribute("aria-label")).resolves.toBe(
        "Account menu for Jean Dupont",
      );
      await page.getByTestId("account-menu").click();
      const accountMenu = page.getByRole("menu").filter({ has: page.getByTestId("sign-out") });
      await expect(accountMenu.textContent()).resolves.toContain(agent.email);
      await settle(page);
      await screenshot(page, "federated-shell-en");
      await page.keyboard.press("Escape");
      await page.getByTestId("sign-out").waitFor({ state: "hidden" });

      // The server knows the session too: the cookie alone answers /me as the agent.
      const session = (await context.cookies(suite.tandem.url)).find(
        (c) => c.name === "tandem_session",
      );
      const me = await fetch(`${suite.tandem.url}/api/v1/me`, {
        headers: { cookie: `${session?.name}=${session?.value}` },
      });
      await expect(me.json()).resolves.toMatchObject({ email: agent.email, name: "Jean Dupont" });

      expect(problems, problems.join("\n")).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the redirect is announced, and carries an app's interaction only when valid", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const started: string[] = [];
    // The start request is answered here, so the page stays on the announcement to be checked.
    await page.route("**/federation/*/start*", (route) => {
      started.push(route.request().url());
      return route.fulfill({ status: 204 });
    });
    try {
      await page.goto(
        `${suite.tandem.url}/?continue=${encodeURIComponent("/oidc/interaction/Ab-1_z")}`,
      );
      await continueWithEmail(page, agent.email);
      const status = page.getByRole("status").filter({ hasText: "Redirecting you to ProConnect…" });
      await status.waitFor();
      await expect.poll(() => started.length).toBe(1);
      const withContinue = new URL(started[0] ?? "");
      expect(withContinue.pathname).toMatch(/^\/federation\/[^/]+\/start$/);
      expect(withContinue.searchParams.get("login_hint")).toBe(agent.email);
      expect(withContinue.searchParams.get("continue")).toBe("/oidc/interaction/Ab-1_z");
      // Focus follows the step: the announcement, not the body, once the form is gone.
      await expect(
        page.evaluate(() => document.activeElement?.getAttribute("role") ?? null),
      ).resolves.toBe("status");
      // No settle(): the spinner turns until the page is gone, and its colours do not change.
      await expectNoSeriousViolations(page, "the sign-in card while redirecting");

      // A continue that is not an interaction path on this site is not passed on.
      await page.goto(
        `${suite.tandem.url}/?continue=${encodeURIComponent("https://evil.example/")}`,
      );
      await continueWithEmail(page, agent.email);
      await expect.poll(() => started.length).toBe(2);
      const without = new URL(started[1] ?? "");
      expect(without.searchParams.get("login_hint")).toBe(agent.email);
      expect(without.searchParams.has("continue")).toBe(false);
    } finally {
      await context.close();
    }
  });

  const themes: Theme[] = ["light", "dark"];
  test.each(themes)(
    "a local address still gets the password step (%s theme, axe on both steps)",
    async (theme) => {
      const context = await newContext(suite.browser, { theme });
      const page = await context.newPage();
      const { problems } = await watchProblems(page);
      const { email, password } = suite.tandem.admin;
      try {
        await page.goto(suite.tandem.url);
        await page.getByTestId("sign-in-email").waitFor();
        await settle(page);
        await expectNoSeriousViolations(page, `the e-mail step (${theme})`);

        await continueWithEmail(page, email);
        await page.getByTestId("sign-in-password").waitFor();
        await expect(focusedInput(page)).resolves.toBe("password");
        const shown = page.getByTestId("sign-in-form").locator('input[name="email"]');
        await expect(shown.inputValue()).resolves.toBe(email);
        await expect(shown.getAttribute("readonly")).resolves.not.toBeNull();
        await settle(page);
        await screenshot(page, `sign-in-password-${theme}-en`);
        await expectNoSeriousViolations(page, `the password step (${theme})`);

        // "Use another address" goes back with the address kept and focused for editing.
        await page.getByTestId("sign-in-change-email").click();
        await page.getByTestId("sign-in-email").waitFor();
        await expect(focusedInput(page)).resolves.toBe("email");
        await expect(page.getByTestId("sign-in-email").inputValue()).resolves.toBe(email);

        await signIn(page, email, password);
        await waitForShell(page);
        expect(double?.requests.map((r) => r.loginHint)).not.toContain(email);
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  test("a malformed address gets a translated error on the field", async () => {
    const context = await newContext(suite.browser, { language: "fr" });
    const page = await context.newPage();
    const { problems } = await watchProblems(page, [
      { path: "/api/v1/me", status: 401 },
      { path: "/api/v1/auth/discover", status: 400 },
    ]);
    const message = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.";
    try {
      await page.goto(suite.tandem.url);
      const field = page.getByTestId("sign-in-email");

      // Caught before asking the server.
      await continueWithEmail(page, "jean.dupont");
      await page.getByRole("alert").filter({ hasText: message }).waitFor();
      await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");

      // Refused by the server (longer than an address may be): the same message.
      const discovered = page.waitForResponse((r) => r.url().includes("/api/v1/auth/discover"));
      await continueWithEmail(page, `${"a".repeat(320)}@interieur.gouv.fr`);
      expect((await discovered).status()).toBe(400);
      await page.getByRole("alert").filter({ hasText: message }).waitFor();
      await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(focusedInput(page)).resolves.toBe("email");
      await settle(page);
      await expectNoSeriousViolations(page, "the e-mail step with its error");

      // Typing again clears the error.
      await field.fill("jean.dupont@");
      await expect(field.getAttribute("aria-invalid")).resolves.not.toBe("true");
      expect(problems, problems.join("\n")).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
