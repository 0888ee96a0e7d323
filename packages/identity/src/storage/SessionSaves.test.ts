import { expect, test } from "vitest";
import { SESSION_TOUCH_MS, SessionSaves } from "./SessionSaves.js";

const session = { jti: "s1", kind: "Session", accountId: "a", iat: 100, exp: 200 };

test("a save that only moves the expiry forward by less than the lag is skipped", () => {
  const saves = new SessionSaves();
  saves.remember("s1", session, 1_000_000);
  expect(saves.unchanged("s1", { ...session, exp: 230 }, 1_030_000)).toBe(true);
  expect(saves.unchanged("s1", { ...session, iat: 130 }, 1_000_000)).toBe(true);
});

test("a save is let through once the stored expiry lags too far, or goes backwards", () => {
  const saves = new SessionSaves();
  saves.remember("s1", session, 1_000_000);
  expect(saves.unchanged("s1", session, 1_000_000 + SESSION_TOUCH_MS)).toBe(false);
  expect(saves.unchanged("s1", session, 999_999)).toBe(false);
  expect(saves.unchanged("s1", session, null)).toBe(false);
});

test("a save that changes anything but the expiry is let through", () => {
  const saves = new SessionSaves();
  saves.remember("s1", session, 1_000_000);
  expect(saves.unchanged("s1", { ...session, accountId: "b" }, 1_000_001)).toBe(false);
  expect(saves.unchanged("s1", { ...session, authorizations: {} }, 1_000_001)).toBe(false);
});

test("a session not read or written here, or forgotten, is always saved", () => {
  const saves = new SessionSaves();
  expect(saves.unchanged("s1", session, 1_000_000)).toBe(false);
  saves.remember("s1", session, 1_000_000);
  saves.forget("s1");
  expect(saves.unchanged("s1", session, 1_000_001)).toBe(false);
});

test("the order of the payload's keys does not count", () => {
  const saves = new SessionSaves();
  saves.remember("s1", { ...session, authorizations: { c: { sid: "1", grantId: "2" } } }, 1);
  const { jti, kind, ...rest } = session;
  const reordered = { ...rest, authorizations: { c: { grantId: "2", sid: "1" } }, kind, jti };
  expect(saves.unchanged("s1", reordered, 2)).toBe(true);
});
