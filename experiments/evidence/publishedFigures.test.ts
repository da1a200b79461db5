import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PUBLISHED_FIGURES, publishedFigure } from "./publishedFigures.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Every tracked-looking source file under the project root (no dependencies, no generated output). */
function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === ".git" || name === "out" || name.startsWith(".convsim")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|mts|mjs|js|json|yaml|yml|md)$/.test(name) && name !== "package-lock.json") out.push(path);
  }
  return out;
}

describe("published figures", () => {
  it("every figure names its source and has a value", () => {
    expect(Object.keys(PUBLISHED_FIGURES).length).toBeGreaterThan(30);
    for (const [id, figure] of Object.entries(PUBLISHED_FIGURES)) {
      expect(figure.source.length, id).toBeGreaterThan(10);
      expect(figure.value, id).not.toBeUndefined();
    }
  });

  it("publishedFigure(id) returns the figure and throws on an unknown id", () => {
    expect(publishedFigure("funnel.averageOrderValue").value).toBe(130);
    expect(() => publishedFigure("funnel.nope")).toThrow(/unknown published figure: funnel.nope/);
  });

  it("no file in the repository refers to the team's shared folder outside the tree", () => {
    // A clone on another machine has no ../shared: any such reference breaks it (or misleads a reader).
    const offenders = sourceFiles(root).filter((path) => /\.\.\/shared|shared\/data\/|shared\/STYLE/.test(readFileSync(path, "utf8")));
    expect(offenders.map((path) => path.slice(root.length))).toEqual(["experiments/evidence/publishedFigures.test.ts"]);
  });
});
