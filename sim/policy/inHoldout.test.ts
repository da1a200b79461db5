import { describe, expect, it } from "vitest";
import { holdoutHash, inHoldout } from "./inHoldout.ts";
import { resolvePolicy } from "./resolvePolicy.ts";
import { validatePolicy } from "./validatePolicy.ts";

const KEYS = 100_000;

describe("inHoldout", () => {
  it("inHoldout(policy with holdout 0.1) holds out a share of sequential keys within 4 binomial standard errors of 0.1", () => {
    const policy = resolvePolicy({ name: "p", holdout: 0.1 });
    let held = 0;
    for (let id = 0; id < KEYS; id++) if (inHoldout(policy, `7:${id}`)) held++;
    const standardError = Math.sqrt((0.1 * 0.9) / KEYS);
    expect(Math.abs(held / KEYS - 0.1)).toBeLessThan(4 * standardError);
  });

  it("holdoutHash spreads sequential keys evenly: chi-square over 20 bins below the 0.999 quantile (43.82 on 19 df)", () => {
    const bins = new Array<number>(20).fill(0);
    for (let id = 0; id < KEYS; id++) bins[Math.floor(holdoutHash(`s:${id}`) * 20)]++;
    const expected = KEYS / 20;
    const chiSquare = bins.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(43.82);
  });

  it("inHoldout: a share of 0 holds out nobody; another salt draws a different holdout of the same size", () => {
    const none = resolvePolicy({ name: "p" });
    const a = resolvePolicy({ name: "p", holdout: { share: 0.2 } });
    const b = resolvePolicy({ name: "p", holdout: { share: 0.2, salt: "other" } });
    let both = 0;
    let inA = 0;
    for (let id = 0; id < 20_000; id++) {
      expect(inHoldout(none, String(id))).toBe(false);
      const held = inHoldout(a, String(id));
      if (held) inA++;
      if (held && inHoldout(b, String(id))) both++;
    }
    // Independent assignments overlap on about 0.2 × 0.2 of the keys, not 0.2.
    expect(both / 20_000).toBeLessThan(0.06);
    expect(inA / 20_000).toBeGreaterThan(0.18);
  });

  it("resolvePolicy fills holdout { share: 0, salt: 'holdout' } and reads the number shorthand", () => {
    expect(resolvePolicy({ name: "p" }).holdout).toEqual({ share: 0, salt: "holdout" });
    expect(resolvePolicy({ name: "p", holdout: 0.25 }).holdout).toEqual({ share: 0.25, salt: "holdout" });
  });

  it("validatePolicy rejects a holdout share outside [0, 0.9], unknown holdout keys and an empty salt", () => {
    expect(validatePolicy({ name: "p", holdout: 1 })).toEqual(["invalid policy.holdout: 1 (must be a share from 0 to 0.9)"]);
    expect(validatePolicy({ name: "p", holdout: { share: -0.1 } })[0]).toMatch(/^invalid policy\.holdout\.share: -0\.1 \(must be a share from 0 to 0\.9\)$/);
    expect(validatePolicy({ name: "p", holdout: { rate: 0.1 } })[0]).toMatch(/^invalid policy\.holdout\.rate: .*unknown key; allowed: share, salt/);
    expect(validatePolicy({ name: "p", holdout: { share: 0.1, salt: "" } })[0]).toMatch(/^invalid policy\.holdout\.salt/);
    expect(validatePolicy({ name: "p", holdout: "10%" })[0]).toMatch(/^invalid policy\.holdout: "10%"/);
  });
  // FNV-1a 32 of "a" is 0xe40c292c and of "foobar" 0xbf9cf968 (the FNV reference test vectors; "" is the
  // offset basis 0x811c9dc5); MurmurHash3's fmix32 of those, worked out separately in Python, gives
  // 0xab3e7c0b, 0x1a80b1b3 and 0x0c0da6dc. Pinning them keeps the live store's and the simulator's
  // assignments from drifting apart, which the statistical tests above would not notice.
  it("holdoutHash is fmix32(FNV-1a 32) / 2^32 on the reference keys", () => {
    expect(holdoutHash("")).toBe(0xab3e7c0b / 2 ** 32);
    expect(holdoutHash("a")).toBe(0x1a80b1b3 / 2 ** 32);
    expect(holdoutHash("foobar")).toBe(0x0c0da6dc / 2 ** 32);
  });
  // Holding out when hash < share gives a share s exactly s × 2^32 of the 2^32 hash values. The key
  // below was built by running the two hash stages backwards (fmix32 and FNV-1a's multiply are
  // invertible) so that "holdout:" + key hashes to 2^31 / 2^32 = 0.5 exactly; Python agrees.
  it("inHoldout: a key whose hash equals the share is not held out; any larger share holds it", () => {
    const key = "\u2f30\ub426\u0100";
    expect(holdoutHash(`holdout:${key}`)).toBe(0.5);
    expect(inHoldout(resolvePolicy({ name: "p", holdout: 0.5 }), key)).toBe(false);
    expect(inHoldout(resolvePolicy({ name: "p", holdout: 0.5 + 2 ** -32 }), key)).toBe(true);
  });
});
