import { describe, expect, it } from "vitest";
import { detectDevice } from "./detectDevice.ts";

const desktopUa = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

describe("detectDevice", () => {
  it("detectDevice(user agent, width, touch) tells phones, tablets and desktops apart", () => {
    expect(detectDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", 390, true)).toBe("mobile");
    expect(detectDevice("Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile Safari/537.36", 412, true)).toBe("mobile");
    expect(detectDevice("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)", 820, true)).toBe("tablet");
    expect(detectDevice("Mozilla/5.0 (Linux; Android 14; SM-X710) Chrome/120 Safari/537.36", 800, true)).toBe("tablet");
    expect(detectDevice(desktopUa, 1280, false)).toBe("desktop");
    expect(detectDevice(desktopUa, 900, true)).toBe("tablet");
    expect(detectDevice(desktopUa, 500, false)).toBe("mobile");
  });
});
