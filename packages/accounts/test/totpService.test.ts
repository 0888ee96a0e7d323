import { InvalidCode, MfaService, TOTP_PERIOD_S, totpCodeAt } from "@tandem/accounts";
import { buildUser, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const STEP = TOTP_PERIOD_S * 1000;

/** A service on the server's database with a clock the test moves: no sleeping for time steps. */
function serviceAt(start: number) {
  const clock = { now: start };
  const mfa = new MfaService(server.tandem.database, { now: () => clock.now });
  return { mfa, clock };
}

/** A user who confirmed an authenticator app at `at`; the clock is back where it was after. */
async function enrolled(service: ReturnType<typeof serviceAt>, at: number) {
  const { mfa, clock } = service;
  const { user } = await buildUser(server.tandem);
  const { secret } = await mfa.enrol(user);
  const before = clock.now;
  clock.now = at;
  const { recoveryCodes } = await mfa.confirm(user, totpCodeAt(secret, at));
  clock.now = before;
  return { user, secret, recoveryCodes };
}

describe("MfaService (TOTP, RFC 6238)", () => {
  test("enrolment: not active until a first code confirms it; then ten recovery codes", async () => {
    // The middle of a step, so ±1 step is unambiguous.
    const t0 = 1_800_000_000_000 + STEP / 2;
    const { mfa } = serviceAt(t0);
    const { user } = await buildUser(server.tandem);
    const enrolment = await mfa.enrol(user);
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Tandem:.+\?.*secret=/);
    expect(enrolment.otpauthUrl).toContain("period=30");
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(await mfa.isEnabled(user.id)).toBe(false);
    await expect(mfa.confirm(user, "000000")).rejects.toBeInstanceOf(InvalidCode);

    const { recoveryCodes } = await mfa.confirm(user, totpCodeAt(enrolment.secret, t0));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{10}$/);
    expect(await mfa.status(user.id)).toEqual({
      totp: { enabled: true, confirmedAt: t0 },
      recoveryCodesLeft: 10,
    });
    // A second enrolment would silently replace the working app.
    await expect(mfa.enrol(user)).rejects.toMatchObject({ status: 409 });
  });

  test("a code is accepted one step either side of now, not two", async () => {
    const t0 = 1_800_000_300_000 + STEP / 2;
    const service = serviceAt(t0);
    const { mfa, clock } = service;
    const { user, secret } = await enrolled(service, t0 - 3 * STEP);
    await expect(mfa.checkTotp(user.id, totpCodeAt(secret, t0 - 2 * STEP))).rejects.toBeInstanceOf(
      InvalidCode,
    );
    await expect(mfa.checkTotp(user.id, totpCodeAt(secret, t0 - STEP))).resolves.toBeUndefined();
    clock.now = t0 + STEP;
    await expect(mfa.checkTotp(user.id, totpCodeAt(secret, t0 + 3 * STEP))).rejects.toBeInstanceOf(
      InvalidCode,
    );
    await expect(
      mfa.checkTotp(user.id, totpCodeAt(secret, t0 + 2 * STEP)),
    ).resolves.toBeUndefined();
  });

  test("a code is refused a second time within its window, and so is an older one", async () => {
    const t0 = 1_800_000_600_000 + STEP / 2;
    const service = serviceAt(t0);
    const { mfa, clock } = service;
    const { user, secret } = await enrolled(service, t0 - 5 * STEP);
    const code = totpCodeAt(secret, t0);
    await mfa.checkTotp(user.id, code);
    await expect(mfa.checkTotp(user.id, code)).rejects.toBeInstanceOf(InvalidCode);
    // Still inside its ±1 step window 30 s later: still refused.
    clock.now = t0 + STEP;
    await expect(mfa.checkTotp(user.id, code)).rejects.toBeInstanceOf(InvalidCode);
    // The step before the one used is older: refused even though the window covers it.
    clock.now = t0;
    await expect(mfa.checkTotp(user.id, totpCodeAt(secret, t0 - STEP))).rejects.toBeInstanceOf(
      InvalidCode,
    );
    await expect(mfa.checkTotp(user.id, totpCodeAt(secret, t0 + STEP))).resolves.toBeUndefined();
  });

  test("two requests racing with one code: exactly one succeeds", async () => {
    const t0 = 1_800_000_900_000 + STEP / 2;
    const service = serviceAt(t0);
    const { mfa } = service;
    const { user, secret } = await enrolled(service, t0 - 5 * STEP);
    const code = totpCodeAt(secret, t0);
    const results = await Promise.allSettled([
      mfa.checkTotp(user.id, code),
      mfa.checkTotp(user.id, code),
      mfa.checkTotp(user.id, code),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  test("a recovery code works once, typed with spaces, dashes or capitals; regenerating voids the old ones", async () => {
    const t0 = 1_800_001_200_000 + STEP / 2;
    const service = serviceAt(t0);
    const { mfa } = service;
    const { user, recoveryCodes } = await enrolled(service, t0);
    const [first = "", second = ""] = recoveryCodes;
    const typed = `${first.slice(0, 5).toUpperCase()}-${first.slice(5)} `;
    await expect(mfa.checkCode(user.id, typed)).resolves.toBe("recovery_code");
    await expect(mfa.checkCode(user.id, first)).rejects.toBeInstanceOf(InvalidCode);
    expect((await mfa.status(user.id)).recoveryCodesLeft).toBe(9);

    const renewed = await mfa.regenerateRecoveryCodes(user.id);
    expect(renewed).toHaveLength(10);
    await expect(mfa.checkCode(user.id, second)).rejects.toBeInstanceOf(InvalidCode);
    await expect(mfa.checkCode(user.id, renewed[0] ?? "")).resolves.toBe("recovery_code");
  });

  test("turning it off removes the secret and the recovery codes", async () => {
    const t0 = 1_800_001_500_000 + STEP / 2;
    const service = serviceAt(t0);
    const { mfa } = service;
    const { user, recoveryCodes } = await enrolled(service, t0);
    await mfa.disable(user.id);
    expect(await mfa.status(user.id)).toEqual({
      totp: { enabled: false, confirmedAt: null },
      recoveryCodesLeft: 0,
    });
    await expect(mfa.checkCode(user.id, recoveryCodes[0] ?? "")).rejects.toBeInstanceOf(
      InvalidCode,
    );
  });

  test("a challenge lasts five minutes", async () => {
    const t0 = 1_800_001_800_000;
    const { mfa, clock } = serviceAt(t0);
    const { user } = await buildUser(server.tandem);
    const challenge = await mfa.createChallenge(user.id);
    clock.now = t0 + 5 * 60_000 - 1;
    await expect(mfa.challengeUser(challenge)).resolves.toBe(user.id);
    clock.now = t0 + 5 * 60_000;
    await expect(mfa.challengeUser(challenge)).rejects.toMatchObject({
      status: 401,
      code: "invalid_challenge",
    });
  });
});
