import { describe, expect, test } from "vitest";
import { clientNetwork } from "./clientNetwork.js";

describe("clientNetwork", () => {
  test.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002::ffff", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["1::2:3:4:5:1.2.3.4", "1:0:2:3::/64"],
    ["not an address", "not an address"],
  ])("%s counts as %s", (ip, network) => {
    expect(clientNetwork(ip)).toBe(network);
  });

  test("two addresses of one /64 are one network, of two /64s two", () => {
    expect(clientNetwork("2001:db8:a:b::1")).toBe(
      clientNetwork("2001:db8:a:b:ffff:ffff:ffff:ffff"),
    );
    expect(clientNetwork("2001:db8:a:b::1")).not.toBe(clientNetwork("2001:db8:a:c::1"));
  });
});
