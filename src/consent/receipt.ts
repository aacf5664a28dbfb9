// A consent record as a Kantara Initiative Consent Receipt v1.1 (KI-CR-v1.1.0) JSON object.
import type { ConsentRecord, ConsentRequest } from '../core/schemas.js';

export interface KantaraPurpose {
  purpose: string;
  purposeCategory: string[];
  consentType: 'EXPLICIT';
  piiCategory: string[];
  primaryPurpose: boolean;
  termination: string;
  thirdPartyDisclosure: boolean;
  thirdPartyName?: string;
}
export interface KantaraConsentReceipt {
  version: 'KI-CR-v1.1.0';
  jurisdiction: string;
  consentTimestamp: number;
  collectionMethod: string;
  consentReceiptID: string;
  publicKey?: string;
  language: string;
  piiPrincipalId: string;
  piiControllers: Array<{
    piiController: string;
    onBehalf: boolean;
    contact: string;
    /** A postal address object (the schema requires an object; schema.org PostalAddress members, as Kantara's example). */
    address: KantaraAddress;
    email: string;
    phone: string;
    piiControllerUrl?: string;
  }>;
  policyUrl: string;
  services: Array<{ service: string; purposes: KantaraPurpose[] }>;
  sensitive: boolean;
  spiCat: string[];
}

/** schema.org PostalAddress members, as in Kantara's own example receipt. */
export interface KantaraAddress {
  streetAddress?: string;
  addressLocality?: string;
  addressRegion?: string;
  postalCode?: string;
  addressCountry?: string;
}

export interface ReceiptOptions {
  /** ISO 3166-1 alpha-2 (default 'JP'). */
  jurisdiction?: string;
  /** Controller details the request does not carry (the address defaults to the jurisdiction's country). */
  address?: KantaraAddress;
  phone?: string;
  controllerUrl?: string;
  publicKey?: string;
}

// English purpose name and personal-information categories per scope (Kantara leaves the vocabulary to the controller).
const PURPOSES: Record<string, [string, string[]]> = {
  'company-name': ['Company name', ['organisation name']],
  logo: ['Logo', ['organisation logo']],
  quotes: ['Quoted statements', ['statements']],
  'person-name-title': ["Person's name and title", ['name', 'job title']],
  photo: ['Photos', ['photographic image']],
  video: ['Video', ['video and voice recording']],
  interview: ['Interview', ['statements', 'voice recording']],
  'press-release': ['Press release', ['organisation name', 'statements']],
  'sales-material': ['Use in non-public sales material', ['organisation name', 'statements']],
};

/**
 * The Kantara Consent Receipt v1.1 for a consent record. Purposes list the scopes that stand granted
 * (for a `withdrawn` record, those that remain); a declined record has none.
 */
export function toConsentReceipt(record: ConsentRecord, request?: ConsentRequest, options: ReceiptOptions = {}): KantaraConsentReceipt {
  const c = request?.controller;
  const lang = record.notice.locale;
  const channels = request?.channels.length ? request.channels.join(', ') : '';
  const termination =
    `${record.term.months} months from publication${record.term.until ? ` (until ${record.term.until})` : ''}, ` +
    'or earlier on withdrawal by the PII principal';
  const purposes = record.scopes
    .filter((s) => s.granted)
    .map(
      (s): KantaraPurpose => ({
        purpose: `Case study: ${PURPOSES[s.id]?.[0] ?? s.id}${channels ? ` (${channels})` : ''}`,
        purposeCategory: [s.id === 'sales-material' ? 'Marketing (non-public sales material)' : 'Marketing'],
        consentType: 'EXPLICIT',
        piiCategory: PURPOSES[s.id]?.[1] ?? [s.id],
        primaryPurpose: true,
        termination,
        thirdPartyDisclosure: s.id === 'press-release',
        ...(s.id === 'press-release' ? { thirdPartyName: 'news media' } : {}),
      }),
    );
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: options.jurisdiction ?? 'JP',
    consentTimestamp: Math.floor(Date.parse(record.signedAt) / 1000),
    collectionMethod: `web form (koe-consent), ${record.signature.method} signature`,
    consentReceiptID: record.receiptId,
    ...(options.publicKey ? { publicKey: options.publicKey } : {}),
    language: lang,
    piiPrincipalId: record.signer.email,
    piiControllers: [
      {
        piiController: c?.name ?? '',
        onBehalf: false,
        contact: c?.contact ?? c?.name ?? '',
        address: options.address ?? { addressCountry: options.jurisdiction ?? 'JP' },
        email: c?.email ?? '',
        phone: options.phone ?? '',
        ...(options.controllerUrl ? { piiControllerUrl: options.controllerUrl } : {}),
      },
    ],
    policyUrl: c?.privacyPolicyUrl ?? '',
    services: [{ service: request ? `Case study: ${request.story.title}` : `Case study (request ${record.requestId})`, purposes }],
    sensitive: false,
    spiCat: [],
  };
}

/** What the receiver answered: its compact JWS of the Kantara receipt, and the seal of the stored record. */
export interface SignedReceipt {
  receipt?: string;
  receivedAt?: string;
  seal?: { keyId: string; signature: string; keys: string };
}

/**
 * The downloadable receipt file. Once the receiver has answered, the file is its signed receipt as a JWS in the flattened
 * JSON serialization (RFC 7515 §7.2.2: `protected`, `payload`, `signature`), with readable members beside it, which JWS
 * verifiers ignore: the receipt as signed (`kantaraConsentReceipt`), our record, the request, the seal. Before that
 * (still waiting to be sent) it holds the same readable members, unsigned.
 */
export function receiptFile(record: ConsentRecord, request?: ConsentRequest, signed: SignedReceipt = {}): Blob {
  const [header, payload, signature] = signed.receipt?.split('.') ?? [];
  const jws = header && payload && signature ? { protected: header, payload, signature } : undefined;
  const body = {
    ...jws,
    kantaraConsentReceipt: jws ? decodeJson(payload!) : toConsentReceipt(record, request),
    record,
    ...(request ? { request } : {}),
    ...(signed.seal ? { seal: { ...signed.seal, receivedAt: signed.receivedAt } } : {}),
  };
  return new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' });
}

/** base64url → UTF-8 JSON (browsers and Node alike). */
function decodeJson(base64url: string): unknown {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}
