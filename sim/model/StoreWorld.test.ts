import { describe, expect, it } from "vitest";
import { splitAddToCart } from "./StoreWorld.ts";

describe("splitAddToCart", () => {
  it("splitAddToCart(p, r, ratio) gives returning = ratio × new and keeps the segment's average", () => {
    const { addToCartNew, addToCartReturning } = splitAddToCart({ addToCartProbability: 0.088, returningProbability: 0.35, returningAddToCartRatio: 1.875 });
    expect(addToCartNew).toBeCloseTo(0.088 / 1.30625, 12);
    expect(addToCartReturning / addToCartNew).toBeCloseTo(1.875, 12);
    expect(0.65 * addToCartNew + 0.35 * addToCartReturning).toBeCloseTo(0.088, 12);
  });

  it("splitAddToCart caps returning at 1 and gives new visitors the rest, so the average still holds", () => {
    // p 0.9, r 0.5, ratio 3: uncapped returning would be 0.9 ÷ 2 × 3 = 1.35.
    const { addToCartNew, addToCartReturning } = splitAddToCart({ addToCartProbability: 0.9, returningProbability: 0.5, returningAddToCartRatio: 3 });
    expect(addToCartReturning).toBe(1);
    expect(addToCartNew).toBeCloseTo(0.8, 12);
    expect(splitAddToCart({ addToCartProbability: 1, returningProbability: 0.3, returningAddToCartRatio: 2 })).toEqual({
      addToCartNew: 1,
      addToCartReturning: 1,
    });
  });
});
