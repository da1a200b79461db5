import { describe, expect, it } from "vitest";
import { parseCookies, serializeCookie } from "./cookies.ts";

describe("cookies", () => {
  it("parseCookies(header) reads names and decoded values, first duplicate wins", () => {
    expect(parseCookies("a=1; b=hello%20world; a=2; c=\"q\"; bad; d=%E0%A4%A")).toEqual({ a: "1", b: "hello world", c: "q", d: "%E0%A4%A" });
    expect(parseCookies(undefined)).toEqual({});
  });

  it("serializeCookie(name, value, options) writes the attributes the store relies on", () => {
    expect(serializeCookie("s", "a b", { httpOnly: true, sameSite: "Lax" })).toBe("s=a%20b; Path=/; HttpOnly; SameSite=Lax");
    expect(serializeCookie("v", "1", { maxAgeSeconds: 31536000.5, sameSite: "Strict" })).toBe("v=1; Path=/; Max-Age=31536000; SameSite=Strict");
  });
});
