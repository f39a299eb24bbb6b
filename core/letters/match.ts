/**
 * Which record request a letter is about. By its tracking number when a request already has
 * that number; else by agency, by an address the message and the request share (the requester's
 * or a team member's), and by dates that fit (the request made before the letter, the receipt
 * the letter names not before the request); else it waits for a person to pick. Pure.
 */
import { agencyNamed } from './reader';

export interface RequestFacts {
  id: string;
  matterId: string;
  status: 'open' | 'closed';
  agency?: string;
  /** The tracking number its last `acknowledged` event recorded. */
  trackingNumber?: string;
  /** ISO date-time the request was made (sent or filed). */
  receivedAt: string;
  requesterEmail?: string;
  /** Addresses of the matter's team. */
  teamEmails: string[];
}

export interface LetterFacts {
  trackingNumber?: string;
  agency?: string;
  letterDate: string;
  /** The date the letter says the agency received the request. */
  receivedOn?: string;
  /** Every address the message names: from, to, cc, and a forwarded message's sender. */
  addresses: string[];
}

export interface Match {
  /** The request the letter belongs to, when one is certain. */
  itemId?: string;
  matterId?: string;
  /** When none is certain: the open requests a person picks from, best first. */
  candidates: string[];
  /** Each candidate's matter: who may see the letter, and which of its candidates (matters are a boundary). */
  candidateMatters?: Record<string, string>;
  why: string;
}

const norm = (n: string) => n.replace(/[\s_]/g, '').toUpperCase();
/** A receipt a few days before the request was logged is still the same request (mail, time zones). */
const RECEIPT_SLACK_DAYS = 7;

export function matchRequest(letter: LetterFacts, requests: readonly RequestFacts[]): Match {
  if (letter.trackingNumber) {
    const byNumber = requests.filter((r) => r.trackingNumber && norm(r.trackingNumber) === norm(letter.trackingNumber!));
    if (byNumber.length === 1) return { itemId: byNumber[0]!.id, matterId: byNumber[0]!.matterId, candidates: [], why: `tracking number ${letter.trackingNumber}` };
    if (byNumber.length > 1) return undecided(byNumber, `${byNumber.length} requests carry tracking number ${letter.trackingNumber}`);
  }
  const addresses = new Set(letter.addresses.map((a) => a.toLowerCase()));
  const open = requests.filter((r) => r.status === 'open');
  // A request that already has another number is some other request of that agency.
  const unnumbered = open.filter((r) => !r.trackingNumber || !letter.trackingNumber);
  const fits = unnumbered
    .filter((r) => !letter.agency || (r.agency !== undefined && agencyNamed(letter.agency, r.agency)))
    .filter((r) => r.receivedAt.slice(0, 10) <= letter.letterDate)
    .filter((r) => !letter.receivedOn || dayDiff(r.receivedAt.slice(0, 10), letter.receivedOn) >= -RECEIPT_SLACK_DAYS);
  const shared = fits.filter((r) => (r.requesterEmail && addresses.has(r.requesterEmail.toLowerCase())) || r.teamEmails.some((e) => addresses.has(e.toLowerCase())));
  if (letter.agency && shared.length === 1) return { itemId: shared[0]!.id, matterId: shared[0]!.matterId, candidates: [], why: `the only open ${letter.agency} request of this address, made before the letter` };
  const ranked = (shared.length ? shared : fits).slice().sort((a, b) => closeness(a, letter) - closeness(b, letter));
  // Nothing to pick: the letter can only be dismissed, or the request entered first.
  if (ranked.length === 0) return undecided([], `no open ${letter.agency ? `${letter.agency} ` : ''}request fits the letter`);
  const why = !letter.agency
    ? 'the letter names no agency: pick the request'
    : shared.length > 1
      ? `${shared.length} open ${letter.agency} requests of this address fit: pick one`
      : `no open ${letter.agency} request of this address fits: pick the request`;
  return undecided(ranked, why);
}

/** A person picks among `ranked`; when they all belong to one matter, the letter is that matter's. */
function undecided(ranked: readonly RequestFacts[], why: string): Match {
  if (ranked.length === 0) return { candidates: [], why };
  const matters = new Set(ranked.map((r) => r.matterId));
  return {
    ...(matters.size === 1 ? { matterId: ranked[0]!.matterId } : {}),
    candidates: ranked.map((r) => r.id),
    candidateMatters: Object.fromEntries(ranked.map((r) => [r.id, r.matterId])),
    why,
  };
}

function dayDiff(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Nearest first: the request whose date lies closest before the receipt (or the letter). */
function closeness(r: RequestFacts, l: LetterFacts): number {
  return Math.abs(dayDiff(r.receivedAt.slice(0, 10), l.receivedOn ?? l.letterDate));
}
