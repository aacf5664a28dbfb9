// Guarded registration: a second copy of Koe on one page (two kintone customizations, a plug-in and a customization,
// another version) never throws. A different version logs one warning per copy, as Shoelace warns on a version mismatch.

/** Set at build time (Vite `define`, from package.json); code run from src/ (tests, the dev server) says 'source'. */
declare const __KOE_VERSION__: string | undefined;

/** The version of this copy of koe-widgets. */
export const KOE_VERSION: string = typeof __KOE_VERSION__ === 'string' ? __KOE_VERSION__ : 'source';

/** An element class as registered by Koe: it records which version registered it, for the next copy to compare. */
type KoeElementClass = CustomElementConstructor & { koeVersion?: string };

let warned = false;

/**
 * Registers `tag` with `element` unless the tag is taken. When another copy registered it first, that copy's element
 * stays in use; if that copy is another version (or not Koe at all), this copy says so once, whatever the number of tags.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const registered = customElements.get(tag) as KoeElementClass | undefined;
  if (!registered) {
    (element as KoeElementClass).koeVersion = KOE_VERSION;
    customElements.define(tag, element);
    return;
  }
  if (registered.koeVersion === KOE_VERSION || warned) return;
  warned = true;
  const owner = registered.koeVersion ? `koe-widgets ${registered.koeVersion}` : 'another script';
  console.warn(`koe-widgets ${KOE_VERSION}: <${tag}> is already registered by ${owner}, whose elements stay in use on this page. Load one copy of Koe per page.`);
}
