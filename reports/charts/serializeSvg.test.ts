import { describe, expect, it } from "vitest";
import { createPlotDocument } from "../renderContext.ts";
import { serializeSvg } from "./serializeSvg.ts";

describe("serializeSvg", () => {
  it("serializeSvg escapes attribute values and text, keeps SVG element names, self-closes empty elements", () => {
    const document = createPlotDocument();
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("aria-label", `a & b <svg onload=x> "q" &amp;`);
    const clip = document.createElementNS("http://www.w3.org/2000/svg", "clipPath");
    const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
    text.textContent = `x="<y" & z`;
    svg.append(clip, text, document.createComment("drop me"));
    expect(serializeSvg(svg)).toBe(
      '<svg aria-label="a &amp; b &lt;svg onload=x&gt; &quot;q&quot; &amp;amp;"><clipPath/><text>x=&quot;&lt;y&quot; &amp; z</text></svg>',
    );
  });
});
