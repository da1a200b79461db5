// A fixed `check` results body for report tests: two personas, one failed and one flaky check, a
// failure screenshot, and a hostile image URI that must never reach the page.
import { crc32, deflateSync } from "node:zlib";
import type { CheckName, SyntheticCheckResults } from "../inputTypes.ts";

/**
 * A solid-colour PNG as a data: URI, built here so the fixture needs no binary file. Big enough that
 * the browser test can see it laid out like a real (JPEG) failure screenshot.
 * Format: PNG signature, IHDR, one IDAT of filter-0 RGB rows, IEND (https://www.w3.org/TR/png/).
 */
export function solidPngDataUri(width: number, height: number, rgb: readonly [number, number, number] = [0xd5, 0x5e, 0x00]): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString("base64")}`;
}

/** The failure screenshot of syntheticCheckFixture. */
export const FAILURE_SCREENSHOT = solidPngDataUri(320, 180);

/** Two personas against the demo store: persona0's money check failed (with a screenshot), persona1's funnel was flaky. */
export function syntheticCheckFixture(options: { profileName?: string } = {}): SyntheticCheckResults {
  const persona = (id: string, outcome: string) => ({ id, outcome, spec: { segment: "desktop", device: "desktop" } });
  const passed = (persona: string, check: CheckName) => ({ persona, check, status: "passed" as const, reason: "ok", artifacts: {} });
  return {
    kind: "syntheticCheck",
    store: { url: "http://127.0.0.1:3000", demo: true, reachable: true, problem: null },
    profile: { name: options.profileName ?? "Fernhill & Co.", source: "built-in demo profile" },
    scenario: "Baseline mid-size store",
    policy: "idle-on-payment",
    seed: 7,
    personas: [persona("persona0", "finished"), persona("persona1", "left")],
    checks: [
      passed("persona0", "funnel"),
      {
        persona: "persona0",
        check: "money",
        status: "failed",
        reason: "review: total shows $99.76, expected 96.76",
        artifacts: { screenshot: "a/persona0-money.png", trace: "a/persona0-trace.zip" },
      },
      passed("persona0", "formValidation"),
      passed("persona0", "chatPolicy"),
      passed("persona0", "stepTimings"),
      {
        persona: "persona1",
        check: "funnel",
        status: "flaky",
        reason: "left at cart as scripted, but cart needed a retry",
        artifacts: { trace: "a/persona1-trace.zip" },
      },
      passed("persona1", "money"),
      { persona: "persona1", check: "formValidation", status: "skipped", reason: "the persona made no form errors", artifacts: {} },
      passed("persona1", "chatPolicy"),
      passed("persona1", "stepTimings"),
    ],
    stepTimings: { cart: { p50: 0.2, p95: 0.4, max: 0.5, count: 4 }, payment: { p50: 0.5, p95: 0.9, max: 1, count: 2 } },
    policyConformance: {
      toleranceSeconds: 1,
      rows: [
        {
          step: "payment",
          trigger: "idle",
          rules: ["idle-payment"],
          windows: 2,
          predictedFires: 1,
          observedFires: 1,
          predictedFireRate: 0.5,
          observedFireRate: 0.5,
          meanTimingErrorSeconds: 0.01,
          maxTimingErrorSeconds: 0.01,
          agree: true,
        },
      ],
      windows: [
        { persona: "persona0", step: "payment", trigger: "idle", predictedSeconds: 30, observedSeconds: 30.01, agree: true },
        { persona: "persona0", step: "review", trigger: "idle", predictedSeconds: null, observedSeconds: null, agree: true },
      ],
    },
    failureImages: [
      { persona: "persona0", check: "money", dataUri: FAILURE_SCREENSHOT, caption: "persona0 · money: review: total shows $99.76" },
      { persona: "persona1", check: "funnel", dataUri: "javascript:alert(1)", caption: "not an image" },
    ],
    notes: ["policy idle-on-payment names steps the profile does not have (gift): its rules for them cannot fire on this store"],
    summary: { personas: 2, checks: 10, passed: 7, failed: 1, flaky: 1, skipped: 1, checkoutsPerMinute: 12.5, wallSeconds: 9.6 },
  };
}
