/** Folders whose TypeScript (and imported JSON) the CLI bundle is built from. */
export declare const SOURCE_FOLDERS: readonly string[];
/** Whether the prebuilt CLI at `bundleFile` is missing or older than any of its sources under `root`. */
export declare function staleBundle(root: string, bundleFile: string): boolean;
