// Types for scripts/build-options.mjs (imported by vite.config.ts).
export declare const minifiedOutput: { minify: true; comments: { annotation: false } };
export declare const packageVersion: string;
export declare function versionDefine(version?: string): { __KOE_VERSION__: string };
