import { describe, expect, it } from "vitest";
import { htmlString, jsonScript } from "./html.ts";

// escapeHtml and html are the reports' (tested in reports/escapeHtml.test.ts); jsonScript is the store's.
describe("jsonScript", () => {
  it("jsonScript(id, value) cannot be closed or commented out by the data", () => {
    const out = htmlString(jsonScript("boot", { name: "</script><script>alert(1)</script><!--", sep: "\u2028" }));
    expect(out).not.toMatch(/<\/script>.*<\/script>/s);
    expect(out.match(/<\/script>/g)).toHaveLength(1);
    const json = out.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
    expect(JSON.parse(json)).toEqual({ name: "</script><script>alert(1)</script><!--", sep: "\u2028" });
  });
});
