import { describe, expect, it } from "vitest";
import { CHROMIUM_ARGS as REPORT_TEST_ARGS, CHROMIUM_PATH as REPORT_TEST_PATH } from "../../reports/testing/index.ts";
import { CHROMIUM_ARGS, chromiumPath, deviceContextOptions } from "./chromium.ts";

describe("chromium", () => {
  // reports/ may not import from scripts/, so the report's browser test keeps its own launcher.
  it("CHROMIUM_ARGS and chromiumPath() match the report tests' launcher", () => {
    expect([...REPORT_TEST_ARGS]).toEqual([...CHROMIUM_ARGS]);
    expect(REPORT_TEST_PATH).toBe(chromiumPath());
  });

  it("deviceContextOptions(device, version) presents an ordinary Chrome of that major version, never HeadlessChrome", () => {
    for (const device of ["desktop", "mobile", "tablet"] as const) {
      const options = deviceContextOptions(device, "131.0.6778.204");
      expect(options.userAgent).toMatch(/ Chrome\/131\.0\.0\.0 /);
      expect(options.userAgent).not.toMatch(/Headless/);
    }
    expect(deviceContextOptions("mobile", "131").hasTouch).toBe(true);
    expect(deviceContextOptions("desktop", "131", "MyBot/1").userAgent).toBe("MyBot/1");
  });
});
