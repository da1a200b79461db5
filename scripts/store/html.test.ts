import { describe, expect, it } from "vitest";
import { escapeHtml, html, jsonScript, SafeHtml, trustedHtml } from "./html.ts";

describe("html", () => {
  it("escapeHtml(text) escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;");
  });

  it("html`` escapes interpolated strings in content and attributes", () => {
    const name = `a"<b>'`;
    expect(html`<p title="${name}">${name}</p>`.text).toBe(`<p title="a&quot;&lt;b&gt;&#39;">a&quot;&lt;b&gt;&#39;</p>`);
  });

  it("html`` inserts SafeHtml as is and joins arrays with each item escaped", () => {
    const items = ["<x>", html`<b>${"&"}</b>`];
    expect(html`<div>${items}</div>`.text).toBe("<div>&lt;x&gt;<b>&amp;</b></div>");
    expect(html`${trustedHtml("<br>")}`).toBeInstanceOf(SafeHtml);
  });

  it("html`` renders null, undefined and booleans as nothing but keeps 0", () => {
    expect(html`${null}${undefined}${false}${true}${0}`.text).toBe("0");
  });

  it("jsonScript(id, value) cannot be closed or commented out by the data", () => {
    const out = jsonScript("boot", { name: "</script><script>alert(1)</script><!--", sep: "\u2028" }).text;
    expect(out).not.toMatch(/<\/script>.*<\/script>/s);
    expect(out.match(/<\/script>/g)).toHaveLength(1);
    const json = out.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
    expect(JSON.parse(json)).toEqual({ name: "</script><script>alert(1)</script><!--", sep: "\u2028" });
  });
});
