import { readFileSync } from "node:fs";
import { build } from "esbuild";

const here = (path: string) => new URL(path, import.meta.url).pathname;

/** Browser entry points, by the URL they are served at. */
const ENTRY_POINTS = { "/assets/widget.js": here("./widget/widget.ts"), "/assets/agent.js": here("./agent/agentConsole.ts") };

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#2f5d50"/><path d="M9 22c4-12 10-14 14-12-6 1-9 6-10 12z" fill="#e8f1ec"/></svg>`;

/**
 * Everything the browser loads, built once at start-up into memory: the chat widget and the agent
 * console bundled by esbuild (the widget bundles sim/policy, the evaluator the simulator runs), the
 * stylesheet and the icon. No file is written and nothing comes from another host.
 */
export async function bundleAssets(): Promise<Map<string, { contentType: string; body: string }>> {
  const result = await build({
    entryPoints: Object.values(ENTRY_POINTS),
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    minify: true,
    legalComments: "none",
    outdir: "/bundle",
    logLevel: "silent",
  });
  const assets = new Map<string, { contentType: string; body: string }>();
  for (const [url, entry] of Object.entries(ENTRY_POINTS)) {
    const name = entry.replace(/^.*\//, "").replace(/\.ts$/, ".js");
    const output = result.outputFiles.find((file) => file.path.endsWith(`/${name}`));
    if (!output) throw new Error(`esbuild produced no ${name} for ${url}`);
    assets.set(url, { contentType: "text/javascript; charset=utf-8", body: output.text });
  }
  assets.set("/assets/store.css", { contentType: "text/css; charset=utf-8", body: readFileSync(here("./assets/store.css"), "utf8") });
  assets.set("/assets/favicon.svg", { contentType: "image/svg+xml", body: FAVICON });
  return assets;
}
