import { describe, expect, it } from "vitest";
import { gammaFunction, logGamma } from "./logGamma.ts";
import { isRelativelyClose } from "./momentCheck.ts";

describe("logGamma", () => {
  it("gammaFunction(n + 1) equals n! for n = 0..30", () => {
    let factorial = 1;
    for (let n = 0; n <= 30; n++) {
      if (n > 0) factorial *= n;
      expect(isRelativelyClose(gammaFunction(n + 1), factorial, 1e-13)).toBe(true);
    }
  });

  it("gammaFunction at half-integers equals the sqrt(pi) closed forms", () => {
    const sqrtPi = Math.sqrt(Math.PI);
    expect(isRelativelyClose(gammaFunction(0.5), sqrtPi, 1e-14)).toBe(true);
    expect(isRelativelyClose(gammaFunction(1.5), sqrtPi / 2, 1e-14)).toBe(true);
    expect(isRelativelyClose(gammaFunction(2.5), (3 * sqrtPi) / 4, 1e-14)).toBe(true);
    expect(isRelativelyClose(gammaFunction(0.1), 9.513507698668732, 1e-14)).toBe(true); // A&S 6.1
  });

  it("logGamma(x) is accurate for large arguments (ln 100!, ln 1000000!)", () => {
    expect(isRelativelyClose(logGamma(101), 363.73937555556347, 1e-14)).toBe(true);
    expect(isRelativelyClose(logGamma(1_000_001), 12815518.384658169, 1e-14)).toBe(true);
  });

  it("logGamma(x) is NaN outside x > 0", () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
  });
  it("gammaFunction(x) is NaN outside x > 0 (0 is a pole; negative arguments are never asked for)", () => {
    expect(gammaFunction(0)).toBeNaN();
    expect(gammaFunction(-1.5)).toBeNaN();
  });
});
