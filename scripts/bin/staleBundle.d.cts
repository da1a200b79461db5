/** What the build writes beside the CLI (BUNDLE_SOURCES_FILE): entry script, hash of everything built, the project files it read. */
export interface BundleManifest {
  bundle: string;
  hash: string;
  sources: string[];
}
/** Written beside the bundle by the build: the BundleManifest. */
export declare const BUNDLE_SOURCES_FILE: string;
/** The manifest in `directory`, or null when there is none or it is not one. */
export declare function readManifest(directory: string): BundleManifest | null;
/** Whether the prebuilt CLI in `directory` is missing or older than any of the sources its manifest lists under `root`. */
export declare function staleBundle(root: string, directory: string, manifest?: BundleManifest | null): boolean;
