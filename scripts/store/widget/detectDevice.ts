import type { Device } from "../../../sim/policy/index.ts";

/**
 * The policy's device signal from what a page can see: the user agent, the viewport width in CSS
 * pixels and whether the screen is touch. Tablets: iPad/tablet user agents, Android without
 * "Mobile", or a touch screen 600–1100 px wide; phones: mobile user agents or narrower than 600 px.
 *
 * detectDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) ... Mobile/15E148", 390, true) // → "mobile"
 */
export function detectDevice(userAgent: string, viewportWidth: number, touch: boolean): Device {
  if (/iPad|Tablet|PlayBook|Silk/i.test(userAgent) || (/Android/i.test(userAgent) && !/Mobile/i.test(userAgent))) return "tablet";
  if (/Mobi|iPhone|iPod|Android.*Mobile|Windows Phone/i.test(userAgent)) return "mobile";
  if (touch && viewportWidth >= 600 && viewportWidth <= 1100) return "tablet";
  if (viewportWidth > 0 && viewportWidth < 600) return "mobile";
  return "desktop";
}
