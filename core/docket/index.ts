/**
 * Reading the court's docket: CourtListener webhook bodies and CM/ECF notices in, proposals out.
 * Pure; the adapters store what arrives and what a person decides.
 */
import { readEntry, type DocketContext, type Proposal } from './reader';
import { DocketSourceError, readCourtListenerBody, readNef, type DocketEntry, type UnreadEntry } from './sources';

export { readEntry, publicProposal, type PrintedProposal, type DocketContext, type Proposal, type ProposalAction, type ProposalPlan } from './reader';
export { readCourtListenerBody, readNef, DocketSourceError, htmlToText, type DocketEntry, type DocketCourt, type UnreadEntry } from './sources';
export { sideOf, type Side } from './parties';
export { refsIn } from './queue';

export interface ReadDocket {
  source: 'courtlistener' | 'nef';
  entries: { entry: DocketEntry; proposals: Proposal[] }[];
  unread: UnreadEntry[];
}

/** The source is told by its content: a JSON object is a CourtListener body, anything else a mail message. */
export function sourceOf(raw: string): 'courtlistener' | 'nef' {
  return /^\s*[{[]/.test(raw) ? 'courtlistener' : 'nef';
}

/** Reads one webhook body or one NEF message. Throws DocketSourceError when it is neither. */
export function readDocket(raw: string, ctx: DocketContext): ReadDocket {
  if (sourceOf(raw) === 'courtlistener') {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new DocketSourceError('the body starts like JSON but is not valid JSON');
    }
    const read = readCourtListenerBody(body);
    return { source: 'courtlistener', entries: read.entries.map((entry) => ({ entry, proposals: readEntry(entry, ctx) })), unread: read.unread };
  }
  const entry = readNef(raw);
  return { source: 'nef', entries: [{ entry, proposals: readEntry(entry, ctx) }], unread: [] };
}

