/** Folders whose TypeScript (and imported JSON) the CLI bundle is built from. */
export declare const SOURCE_FOLDERS: readonly string[];
/** Written beside the bundle by the build: `{ "sources": [...] }`, the project files it was built from (relative paths). */
export declare const BUNDLE_SOURCES_FILE: string;
/** Whether the prebuilt CLI at `bundleFile` is missing or older than any of its sources under `root` (those listed beside it, else all). */
export declare function staleBundle(root: string, bundleFile: string): boolean;
