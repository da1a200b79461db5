/** What the build writes beside the CLI (BUNDLE_SOURCES_FILE): entry script, hash of everything built, the project files it read. */
export interface BundleManifest {
  bundle: string;
  hash: string;
  /** Per script (relative to the build folder), the project files it was built from. */
  sources: Record<string, string[]>;
}
/** Written beside the bundle by the build: the BundleManifest. */
export declare const BUNDLE_SOURCES_FILE: string;
/** The manifest in `directory`, or null when there is none or it is not one. */
export declare function readManifest(directory: string): BundleManifest | null;
/** The script the build makes of a command's module (`export-funnel` → `commands/exportFunnelCommand.cjs`). */
export declare function commandScript(command: string): string;
/** Whether the prebuilt CLI in `directory` is missing, or older than a source under `root` of one of `scripts` (default: the entry script). */
export declare function staleBundle(root: string, directory: string, manifest?: BundleManifest | null, scripts?: readonly string[]): boolean;
