import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { runCli } from "@tandem/testkit";
import * as client from "openid-client";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, newContext, screenshot, watchProblems } from "./support/browser.js";
import { settle, signIn } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

const person = { email: "lea.martin@partenaire.example", password: "Léa's long passphrase here" };

/**
 * A third-party app as small as one can be: its callback page only says where the browser
 * landed; the test reads the code from the URL and redeems it with openid-client.
 */
async function startRelyingParty(): Promise<{ server: Server; redirectUri: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end('<!doctype html><html lang="en"><title>Partner</title><p>Back at the app</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, redirectUri: `http://127.0.0.1:${port}/callback` };
}

async function authorizationUrl(config: client.Configuration, redirectUri: string, scope: string) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  });
  return { url, verifier, state };
}

/** Waits for the browser to land on the app's callback and returns that URL. */
async function landedAt(page: Page, redirectUri: string): Promise<URL> {
  await page.waitForURL((url) => url.href.startsWith(redirectUri));
  return new URL(page.url());
}

describe.skipIf(!haveChromium)("consent to a third-party app", () => {
  const suite = useSuite();
  let app: { server: Server; redirectUri: string };
  let config: client.Configuration;

  beforeAll(async () => {
    app = await startRelyingParty();
    const user = await runCli(
      ["user", "add", "--email", person.email, "--name", "Léa Martin", "--password-stdin"],
      suite.tandem.env,
      { stdin: person.password },
    );
    expect(user.code, user.stderr).toBe(0);
    const added = await runCli(
      [
        "client",
        "add",
        "--name",
        "Partner Planner",
        "--redirect-uri",
        app.redirectUri,
        "--third-party",
      ],
      suite.tandem.env,
    );
    expect(added.code, added.stderr).toBe(0);
    const registered = JSON.parse(added.stdout) as { client_id: string; client_secret: string };
    config = await client.discovery(
      new URL(suite.tandem.url),
      registered.client_id,
      undefined,
      client.ClientSecretBasic(registered.client_secret),
      { execute: [client.allowInsecureRequests] },
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => app?.server.close(resolve));
  });

  test("the user signs in, reads what the app asks, allows it, then withdraws it from the account page", async () => {
    const context = await newContext(suite.browser, { language: "en" });
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    try {
      const first = await authorizationUrl(config, app.redirectUri, "openid email profile");
      await page.goto(first.url.href);
      await signIn(page, person.email, person.password);

      await page.getByTestId("consent-page").waitFor();
      expect(new URL(page.url()).pathname).toBe("/consent");
      expect(await page.title()).toBe("Allow access · Tandem");
      await page
        .getByRole("heading", {
          level: 1,
          name: "Partner Planner wants to use your Tandem account",
        })
        .waitFor();
      await expect(page.getByTestId("consent-redirect").textContent()).resolves.toContain(
        new URL(app.redirectUri).host,
      );
      const scopes = page.getByTestId("consent-scopes").locator("[data-scope]");
      await expect(
        scopes.evaluateAll((items) => items.map((i) => i.getAttribute("data-scope"))),
      ).resolves.toEqual(["openid", "profile", "email"]);
      await expect(scopes.nth(2).textContent()).resolves.toBe("See your email address");
      await settle(page);
      await screenshot(page, "consent-en");
      await expectNoSeriousViolations(page, "the consent page");

      await page.getByTestId("consent-allow").click();
      const callback = await landedAt(page, app.redirectUri);
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: first.verifier,
        expectedState: first.state,
      });
      expect(tokens.claims()).toMatchObject({ email: person.email, name: "Léa Martin" });

      // Asked once: the same request now goes straight back to the app.
      const second = await authorizationUrl(config, app.redirectUri, "openid email");
      await page.goto(second.url.href);
      expect((await landedAt(page, app.redirectUri)).searchParams.has("code")).toBe(true);

      await page.goto(`${suite.tandem.url}/account`);
      const row = page.getByTestId("app-row");
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain("Partner Planner");
      await settle(page);
      await expectNoSeriousViolations(page, "the account page with an app");
      await page.getByRole("button", { name: "Withdraw access for Partner Planner" }).click();
      await page
        .getByTestId("apps-notice")
        .filter({ hasText: "Partner Planner no longer has access to your account." })
        .waitFor();
      await page.getByTestId("apps-empty").waitFor();

      // Withdrawn: the app must ask again.
      const third = await authorizationUrl(config, app.redirectUri, "openid");
      await page.goto(third.url.href);
      await page.getByTestId("consent-page").waitFor();
      expect(problems, problems.join("\n")).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("in French, refusing sends the user back to the app with access_denied", async () => {
    const context = await newContext(suite.browser, { language: "fr" });
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    try {
      const attempt = await authorizationUrl(config, app.redirectUri, "openid groups");
      await page.goto(attempt.url.href);
      await signIn(page, person.email, person.password);
      await page
        .getByRole("heading", {
          level: 1,
          name: "Partner Planner souhaite utiliser votre compte Tandem",
        })
        .waitFor();
      await expect(page.getByTestId("consent-scopes").textContent()).resolves.toContain(
        "Voir les groupes dont vous êtes membre",
      );
      await settle(page);
      await expectNoSeriousViolations(page, "the consent page in French");
      await page.getByRole("button", { name: "Refuser" }).click();
      const callback = await landedAt(page, app.redirectUri);
      expect(callback.searchParams.get("error")).toBe("access_denied");
      expect(callback.searchParams.get("state")).toBe(attempt.state);
      expect(problems, problems.join("\n")).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
