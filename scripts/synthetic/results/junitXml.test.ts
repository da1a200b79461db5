import { describe, expect, it } from "vitest";
import { testPersona } from "../testing/personas.ts";
import type { CheckRecord, SyntheticCheckResults } from "./checkResults.ts";
import { escapeXml, junitXml } from "./junitXml.ts";

const check = (name: CheckRecord["check"], status: CheckRecord["status"], reason: string, artifacts: CheckRecord["artifacts"] = {}): CheckRecord => ({
  persona: "persona0",
  check: name,
  status,
  reason,
  evidence: ['a < b & "c"'],
  seconds: 1.5,
  attempts: status === "flaky" ? 2 : 1,
  artifacts,
});
const results = {
  kind: "syntheticCheck",
  store: { url: "http://shop.test", demo: false, reachable: true, problem: null },
  profile: { name: "Shop <&>", source: "p.yaml" },
  personas: [
    { id: "persona0", spec: testPersona(0), outcome: "finished", items: [], orderId: null, steps: [], wallSeconds: 4.25, virtualSeconds: 60, trace: null },
  ],
  checks: [
    check("funnel", "flaky", "order placed, but payment needed a retry", { trace: "a/persona0-trace.zip" }),
    check("money", "failed", 'review: total shows $99.76, expected 96.76 <"&">', { screenshot: "a/persona0-money.png", trace: "a/persona0-trace.zip" }),
    check("formValidation", "skipped", "the persona made no form errors"),
    check("chatPolicy", "passed", "ok"),
    check("stepTimings", "passed", "ok"),
  ],
  summary: { personas: 1, checks: 5, passed: 2, failed: 1, flaky: 1, skipped: 1, wallSeconds: 9 },
} as unknown as SyntheticCheckResults;

describe("junitXml", () => {
  it("junitXml writes one testsuite per persona and one testcase per check, failures and skips as JUnit elements", () => {
    const xml = junitXml(results);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="convsim check Shop &lt;&amp;&gt;" tests="5" failures="1" errors="0" skipped="1" time="9.000">\n/,
    );
    expect(xml).toContain('<testsuite name="persona0 (desktop, desktop, finished)" tests="5" failures="1" errors="0" skipped="1" time="4.250">');
    expect(xml).toContain(
      '<failure message="review: total shows $99.76, expected 96.76 &lt;&quot;&amp;&quot;&gt;" type="money">a &lt; b &amp; &quot;c&quot;</failure>',
    );
    expect(xml).toContain('<skipped message="the persona made no form errors"/>');
    expect(xml).toContain('<properties><property name="flaky" value="true"/><property name="attempts" value="2"/></properties>');
    expect(xml).toContain("[[ATTACHMENT|a/persona0-money.png]]");
    expect(xml.match(/<testcase /g)).toHaveLength(5);
  });

  it("escapeXml escapes markup and drops characters XML cannot carry", () => {
    expect(escapeXml("<a href='x'>&\u0000\u0007ok</a>")).toBe("&lt;a href=&apos;x&apos;&gt;&amp;ok&lt;/a&gt;");
  });
});
