// Types for scripts/minify-templates.mjs (imported by vite.config.ts).
import type { Plugin } from 'vite';

export function minifyCss(raw: string): string;
export function minifyHtmlParts(parts: string[]): string[];
export function minifyTemplates(code: string, id: string): { code: string; map: object } | undefined;
export function minifyTemplatesPlugin(): Plugin;
