// The host page picks the elements' shadow-root mode before a Koe script loads: open by default, closed where the host
// requires it (Salesforce's Lightning Web Security accepts third-party web components with closed shadow roots only).

/** Page-wide settings read when a Koe script loads: `window.koeWidgets = { shadowRootMode: 'closed' }` before it. */
export interface KoeWidgetsConfig {
  /** `closed` attaches closed shadow roots (`element.shadowRoot` is null); anything else keeps them open. */
  shadowRootMode?: ShadowRootMode;
}

declare global {
  /** Set before loading Koe to configure it (see KoeWidgetsConfig). */
  var koeWidgets: KoeWidgetsConfig | undefined;
}

/** The shadow-root options of a Koe element class, in the mode the page asked for. */
export function shadowRootOptions(options: Omit<ShadowRootInit, 'mode'> = {}): ShadowRootInit {
  return { ...options, mode: globalThis.koeWidgets?.shadowRootMode === 'closed' ? 'closed' : 'open' };
}
