import { describe, expect, it } from "vitest";
import { decodeModelJson, encodeModelJson } from "./modelJson.ts";

describe("modelJson", () => {
  it("encodeModelJson keeps Infinity, -Infinity and NaN that JSON.stringify would turn into null; decodeModelJson restores them", () => {
    const value = { cap: Infinity, floor: -Infinity, odd: NaN, list: [1, Infinity], name: "Infinity", nested: { $number: 3 } };
    const text = encodeModelJson(value);
    expect(text).toBe(
      '{"cap":{"$number":"Infinity"},"floor":{"$number":"-Infinity"},"odd":{"$number":"NaN"},"list":[1,{"$number":"Infinity"}],"name":"Infinity","nested":{"$number":3}}',
    );
    expect(decodeModelJson(text)).toEqual(value);
    expect(decodeModelJson(JSON.parse(text))).toEqual(value);
  });
});
