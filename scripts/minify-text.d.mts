// Types for scripts/minify-text.mjs (imported by the template-minifier test).
export function minifyCss(raw: string): string;
export function minifyHtmlParts(parts: string[]): string[];
