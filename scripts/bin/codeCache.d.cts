import type { Script } from "node:vm";
/** The registered-symbol key of the loader the CLI's entry script calls for a command's script. */
export declare const BUNDLE_LOADER: string;
/** The module function the build writes around each script: its opening and its close. */
export declare const MODULE_WRAPPER: readonly [string, string];
/** A built script's text (MODULE_WRAPPER around a CommonJS module) compiled with the code cache in `cacheFile` when there is one, and what became of that cache. */
export declare function compileWithCodeCache(text: string, filename: string, cacheFile: string): { script: Script; cache: "accepted" | "rejected" | "missing" };
/** Writes the script's code cache to `cacheFile` (atomically; any failure only means no cache). */
export declare function saveCodeCache(script: Script, cacheFile: string): void;
/** Makes BUNDLE_LOADER load scripts under `directory` with code caches in `cacheDirectory` named by `hash`; returns it. */
export declare function installBundleLoader(directory: string, cacheDirectory: string, hash: string): (relativePath: string) => unknown;
