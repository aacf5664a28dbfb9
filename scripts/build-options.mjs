// Output options shared by `vite build` (vite.config.ts) and the size figures (bench-sizes.mjs), so the bench measures what ships.
export const minifiedOutput = {
  minify: true,
  // Pure annotations only help a later bundler drop unused code; every file we ship registers an element, so nothing is dropped.
  comments: { annotation: false },
};
