// The inbox's side of the receiver API: the API key (sessionStorage only: it leaves with the tab, and never
// sits in localStorage or IndexedDB where any later page could read it), authenticated reads, and paging.
import type { ConsentRequest } from '../src/core/schemas.js';

const STORAGE_KEY = 'koe-inbox-api-key';

/** `npm start` prints /inbox.html#key=…: keep the key for this tab and take it out of the address bar and history. */
export function adoptKeyFromFragment(): void {
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  if (!key) return;
  saveKey(key);
  history.replaceState(null, '', location.pathname + location.search);
}

export function apiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveKey(key: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, key.trim());
  } catch {
    // Storage refused (private mode quota): the key then lasts until the page reloads.
    memoryKey = key.trim();
  }
}

export function forgetKey(): void {
  memoryKey = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}

let memoryKey: string | null = null;

/** Headers for a call that needs the key. */
export function authHeaders(): Record<string, string> {
  const key = apiKey() ?? memoryKey;
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** A 401 (no key, unknown or revoked) or 403 (the key lacks a scope). */
export class KeyRefused extends Error {
  constructor(readonly status: 401 | 403) {
    super(`HTTP ${status}`);
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json', ...authHeaders() } });
  if (res.status === 401 || res.status === 403) throw new KeyRefused(res.status);
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return (await res.json()) as T;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Reads pages of `url` until `enough` says so or none are left; returns where the rest starts. */
export async function readPages<T>(url: string, enough: (items: T[]) => boolean = () => false, cursor: string | null = null): Promise<{ items: T[]; nextCursor: string | null }> {
  const items: T[] = [];
  do {
    const pageUrl = new URL(url, location.origin);
    pageUrl.searchParams.set('limit', '200');
    if (cursor) pageUrl.searchParams.set('cursor', cursor);
    const page = await getJson<Page<T>>(pageUrl.pathname + pageUrl.search);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && !enough(items));
  return { items, nextCursor: cursor };
}

/** The request with its token (lists leave tokens out): what a consent or withdrawal link is made from. */
export function fetchSignedRequest(id: string): Promise<ConsentRequest> {
  return getJson<ConsentRequest>(`/api/consent-requests/${encodeURIComponent(id)}`);
}

/** A granted receipt's withdrawal token (a key with the issue scope): what the customer's withdrawal link carries. */
export async function fetchWithdrawalToken(receiptId: string): Promise<string> {
  return (await getJson<{ withdrawalToken: string }>(`/api/withdrawal-tokens/${encodeURIComponent(receiptId)}`)).withdrawalToken;
}
