// signature_pad is loaded only when the signer chooses to draw, so it stays a separate lazy chunk.
import type SignaturePad from 'signature_pad';

export type { SignaturePad };

/** Loads signature_pad on demand and attaches it to `canvas`. */
export async function createSignaturePad(canvas: HTMLCanvasElement): Promise<SignaturePad> {
  const { default: Pad } = await import('signature_pad');
  return new Pad(canvas, { penColor: '#111', backgroundColor: 'rgb(255,255,255)' });
}
