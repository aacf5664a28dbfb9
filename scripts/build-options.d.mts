// Types for scripts/build-options.mjs (imported by vite.config.ts).
export declare const minifiedOutput: { minify: true; comments: { annotation: false } };
