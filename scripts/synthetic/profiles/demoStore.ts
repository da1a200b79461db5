/** `--store demo` (or no --store) names the built-in profile and starts the demo store. */
export const DEMO_STORE = "demo";
