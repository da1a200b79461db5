import type { SyntheticCheckResults } from "./checkResults.ts";

/**
 * JUnit XML for CI: one testsuite per persona, one testcase per check. Failed checks carry a
 * <failure> with the reason and the evidence; skipped ones <skipped>; a flaky check passes but
 * says so in a `flaky` property and its output (never hidden). Artifacts are listed in the
 * testcase output as `[[ATTACHMENT|path]]`, which Jenkins and GitLab pick up.
 */
export function junitXml(results: SyntheticCheckResults): string {
  const { summary } = results;
  const suites = results.personas.map((persona) => {
    const checks = results.checks.filter((check) => check.persona === persona.id);
    const failures = checks.filter((check) => check.status === "failed").length;
    const skipped = checks.filter((check) => check.status === "skipped").length;
    const time = persona.wallSeconds;
    const cases = checks.map((check) => {
      const attachments = [check.artifacts.screenshot, check.artifacts.trace]
        .filter((path): path is string => path !== undefined)
        .map((path) => `[[ATTACHMENT|${path}]]`);
      const output = [check.status === "flaky" ? `flaky: ${check.reason}` : check.reason, ...check.evidence, ...attachments].join("\n");
      let body = "";
      if (check.status === "failed")
        body = `\n      <failure message="${escapeXml(check.reason)}" type="${check.check}">${escapeXml(check.evidence.join("\n"))}</failure>`;
      else if (check.status === "skipped") body = `\n      <skipped message="${escapeXml(check.reason)}"/>`;
      else if (check.status === "flaky")
        body = `\n      <properties><property name="flaky" value="true"/><property name="attempts" value="${check.attempts}"/></properties>`;
      return `    <testcase classname="${escapeXml(`synthetic.${persona.id}`)}" name="${escapeXml(check.check)}" time="${check.seconds.toFixed(3)}">${body}\n      <system-out>${escapeXml(output)}</system-out>\n    </testcase>`;
    });
    const name = `${persona.id} (${persona.spec.segment}, ${persona.spec.device}, ${persona.outcome})`;
    return `  <testsuite name="${escapeXml(name)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}">
    <properties><property name="seed" value="${escapeXml(persona.spec.seed)}"/><property name="store" value="${escapeXml(results.store.url)}"/></properties>
${cases.join("\n")}
  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="${escapeXml(`convsim check ${results.profile.name}`)}" tests="${summary.checks}" failures="${summary.failed}" errors="0" skipped="${summary.skipped}" time="${summary.wallSeconds.toFixed(3)}">
${suites.join("\n")}
</testsuites>
`;
}

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
