import { describe, expect, it } from "vitest";
import { escapeHtml, html, htmlString, isSafeHtml, trustedHtml } from "./escapeHtml.ts";

describe("escapeHtml", () => {
  it("escapeHtml(text) escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  });

  it("html`` escapes interpolated strings and numbers but keeps SafeHtml", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(htmlString(html`<p title="${'"onmouseover="x'}">${inner}${42}</p>`)).toBe('<p title="&quot;onmouseover=&quot;x"><b>&lt;i&gt;</b>42</p>');
  });

  it("html`` joins arrays and renders null, undefined and booleans as nothing but keeps 0", () => {
    expect(htmlString(html`<ul>${["<a>", html`<li>b</li>`]}${null}${undefined}${false}${true}${0}</ul>`)).toBe("<ul>&lt;a&gt;<li>b</li>0</ul>");
  });

  it("html`` treats objects from JSON as text, never as markup", () => {
    const forged = JSON.parse('{"html": "<script>alert(1)</script>"}');
    expect(isSafeHtml(forged)).toBe(false);
    expect(htmlString(html`${forged}`)).toBe("[object Object]");
  });

  it("trustedHtml(markup) is inserted as is", () => {
    expect(htmlString(html`<div>${trustedHtml("<svg></svg>")}</div>`)).toBe("<div><svg></svg></div>");
  });
});
