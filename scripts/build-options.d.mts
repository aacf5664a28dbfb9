// Types for scripts/build-options.mjs (imported by vite.config.ts).
import type { Plugin } from 'vite';

export declare const minifiedOutput: { minify: true; comments: { annotation: false } };
export declare const packageVersion: string;
export declare function versionDefine(version?: string): { __KOE_VERSION__: string };
export declare function sourceSideEffectsPlugin(): Plugin;
export declare function hoistTransitiveImportsPlugin(): Plugin;
export declare function preloadLazyChunkImportsPlugin(): Plugin;
export declare const COMPILE_HINT: '//# allFunctionsCalledOnLoad';
export declare function compileHintsPlugin(options?: { entries?: RegExp }): Plugin;
