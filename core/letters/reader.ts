/**
 * Reading an agency's letter about a record request: its text (with the date and sender of the
 * message that carried it) in, the lifecycle events it reports out, each with the sentence it
 * rests on. Pure. The reader reads facts, not a template: each fact has several phrasings, case
 * and line breaks do not matter, numbers may be written as words, and a sentence that only
 * says what might happen ("if we need more time, we may...") reports nothing.
 */
import { defaultCalendar } from '../calendar';
import { countWorkingDays, isWorkingDay } from '../deadlines/working-days';
import { DEFAULT_READING } from '../deadlines/readings';
import { SILENT } from '../deadlines/receipt';
import { DATE_SOURCE, datesIn, epochOf, type LetterDate } from './dates';
import type { LetterEventType, Outcome } from './events';

export type { LetterEventType, Outcome };

export interface LetterEvent {
  type: LetterEventType;
  /** ISO date: the letter's date, or for `received` the date the letter says the request arrived. */
  at: string;
  trackingNumber?: string;
  workingDays?: number;
  outcome?: Outcome;
  /** For `records_released`: whether the letter is the last release (the catalogue's `final`). */
  final?: boolean;
  agency?: string;
  /** The letter's own words the event rests on. */
  evidence: string;
}

export interface LetterInput {
  text: string;
  /** ISO date of the message, used when the letter carries no date of its own. */
  date: string;
  /** The sender's address ("foia@ice.dhs.gov", or "Name <addr>"). */
  sender?: string;
  subject?: string;
  /** ISO date the request is known to have been received, when the caller knows it. */
  receivedOn?: string;
}

export interface LetterReading {
  /** Whether the text is a letter about a record request at all. */
  recognised: boolean;
  agency?: string;
  letterDate: string;
  trackingNumber?: string;
  events: LetterEvent[];
  /** What the reader saw and would not propose, with why. */
  notes: string[];
}

/** A letter whose dates cannot be trusted: refused whole rather than read with a guessed day. */
export class LetterDateError extends Error {
  override name = 'LetterDateError';
}

// ---------------------------------------------------------------- text

/** Paragraphs joined, whitespace collapsed, then cut into sentences (a period before a digit or a lower-case word is no end). */
export function sentencesOf(text: string): string[] {
  const paragraphs = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split(/\n\s*\n/);
  const out: string[] = [];
  for (const p of paragraphs) {
    const flat = p.replace(/-\n(?=[a-z])/g, '').replace(/\s+/g, ' ').trim();
    if (!flat) continue;
    let carry = '';
    for (const piece of flat.split(/(?<=[.!?;]["”')]?)\s+(?=["“(]?[A-Z])|(?<=:)\s+(?=[A-Z][a-z])/)) {
      carry = carry ? `${carry} ${piece}` : piece;
      if (!ABBREVIATION.test(carry)) {
        out.push(carry.trim());
        carry = '';
      }
    }
    if (carry.trim()) out.push(carry.trim());
  }
  return out;
}

/** A period that ends an abbreviation, not a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:U\.S|Mr|Ms|Mrs|Dr|No|Nos|St|Jr|Sr|Inc|Co|Corp|Ltd|Stat|Sec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs?|C\.F\.R|U\.S\.C|D\.C|e\.g|i\.e|et al|Attn|Ref)\.$/i;

const CONDITIONAL_LEAD = /^(?:\W*)(?:if|should|in the event|unless|when|whenever|once|where|in order to|to the extent)\b/i;
const HEDGED = /\b(?:may|might|could|would|can)\s+(?:\w+\s+){0,3}?(?:need|invoke|take|require|extend|request|ask|seek|be necessary|be required|be unable)\b/i;
/** Sentences that say what could happen, or tell the requester their rights: they report nothing. */
function isAssertion(s: string): boolean {
  if (CONDITIONAL_LEAD.test(s)) return false;
  if (/\byou (?:may|can|have the right to) (?:file an |submit an |)?appeal\b|\bright to (?:file an )?appeal\b|\bif you (?:are not satisfied|disagree|have any questions|need)\b/i.test(s)) return false;
  return true;
}

const evidence = (s: string) => (s.length > 500 ? `${s.slice(0, 497)}...` : s);

// ---------------------------------------------------------------- numbers

const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90 };
const NUMBER_WORD = `(?:(?:${Object.keys(TENS).join('|')})(?:[\\s-](?:${Object.keys(UNITS).slice(0, 9).join('|')}))?|${Object.keys(UNITS).join('|')})`;
/** A count of days as written: "10", "ten", "ten (10)". */
const COUNT = `(\\d{1,3}|${NUMBER_WORD})(?:\\s*\\(\\d{1,3}\\))?`;

export function numberFrom(words: string): number | undefined {
  const w = words.trim().toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w in UNITS) return UNITS[w];
  const [tens, unit] = w.split(/[\s-]/);
  if (tens && tens in TENS) return TENS[tens]! + (unit ? (UNITS[unit] ?? NaN) : 0);
  return undefined;
}

// ---------------------------------------------------------------- agency

interface AgencyName {
  code: string;
  domains: RegExp;
  /** Its name, in any case. */
  name: RegExp;
  /** Its acronym, in capitals only ("ice" is a word). */
  acronym?: RegExp;
}
/** Components before their departments: an ICE letter names DHS in its letterhead too. */
const AGENCIES: AgencyName[] = [
  { code: 'ICE', domains: /(?:^|\.)ice\.dhs\.gov$/i, name: /Immigration and Customs Enforcement/i, acronym: /\bICE\b/ },
  { code: 'CBP', domains: /(?:^|\.)cbp\.dhs\.gov$/i, name: /Customs and Border Protection/i, acronym: /\bCBP\b/ },
  { code: 'USCIS', domains: /(?:^|\.)uscis\.dhs\.gov$/i, name: /Citizenship and Immigration Services/i, acronym: /\bUSCIS\b/ },
  { code: 'FBI', domains: /(?:^|\.)fbi\.gov$/i, name: /Federal Bureau of Investigation/i, acronym: /\bFBI\b/ },
  { code: 'EOUSA', domains: /(?:^|\.)eousa\.usdoj\.gov$/i, name: /Executive Office for United States Attorneys/i, acronym: /\bEOUSA\b/ },
  { code: 'IRS', domains: /(?:^|\.)irs\.gov$/i, name: /Internal Revenue Service/i, acronym: /\bIRS\b/ },
  { code: 'DHS', domains: /(?:^|\.)dhs\.gov$/i, name: /Department of Homeland Security/i, acronym: /\bDHS\b/ },
  { code: 'DOJ', domains: /(?:^|\.)(?:usdoj|doj)\.gov$/i, name: /Department of Justice|Office of Information Policy/i, acronym: /\bDOJ\b/ },
  { code: 'Treasury', domains: /(?:^|\.)treasury\.gov$/i, name: /Department of the Treasury|\bTreasury\b/i },
];
/** Tracking-number prefixes some agencies use. */
const NUMBER_AGENCY: [RegExp, string][] = [[/-IC(?:FO|AP)-/i, 'ICE'], [/-HQ(?:FO|AP)-/i, 'DHS'], [/-CBP-/i, 'CBP'], [/^F\d{5}-/i, 'IRS']];

/** Whether an item's free-text agency ("U.S. Immigration and Customs Enforcement", "ICE FOIA") names the agency `code`. */
export function agencyNamed(code: string, text: string): boolean {
  const a = AGENCIES.find((x) => x.code === code);
  if (!a) return text.trim().toLowerCase() === code.toLowerCase();
  return a.name.test(text) || new RegExp(`\\b${code}\\b`, 'i').test(text);
}

function addressOf(sender: string | undefined): string | undefined {
  if (!sender) return undefined;
  const m = /<([^>]+)>/.exec(sender) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(sender);
  return m?.[1]?.toLowerCase();
}

function agencyOf(text: string, sender: string | undefined, tracking: string | undefined): string | undefined {
  const address = addressOf(sender);
  if (address) for (const a of AGENCIES) if (a.domains.test(address.split('@')[1] ?? '')) return a.code;
  if (tracking) for (const [re, code] of NUMBER_AGENCY) if (re.test(tracking)) return code;
  for (const a of AGENCIES) if (a.name.test(text) || a.acronym?.test(text)) return a.code;
  return undefined;
}

// ---------------------------------------------------------------- tracking number

const ID = '([A-Z0-9](?:[A-Z0-9]|[-./](?=[A-Z0-9])){3,40})';
const LABELLED = new RegExp(
  `\\b(?:tracking|reference|request|case|control|file|log|FOIA|FOIPA|PA|appeal)\\s+(?:(?:number|no\\.?|num\\.?|#|ID)\\s*)(?:is\\s+|of\\s+)?[:#]?\\s*${ID}` +
    `|\\bassigned\\s+(?:it\\s+|your request\\s+)?(?:the\\s+)?(?:following\\s+)?(?:\\w+\\s+){0,2}?(?:number|no\\.?)\\s*[:#]?\\s*${ID}` +
    `|\\b(?:FOIA|FOIPA|Privacy Act|PA)\\s+(?:request|case)\\s*[:#]?\\s*${ID}`,
  'gi',
);
const KNOWN_NUMBERS = /\b(?:(?:19|20)\d{2}-[A-Z]{2,8}-\d{3,7}|F\d{5}-\d{4,6}|[A-Z]{2,8}-(?:[A-Z]{2,4}-)?(?:19|20)\d{2}-\d{3,7}|\d{6,8}-\d{3})\b/g;
const APPEAL_NUMBER = /-(?:IC|HQ)?AP-|^(?:[A-Z]+-)?AP-|-APP-/i;

function looksLikeId(s: string): boolean {
  if (!/\d/.test(s) || s.length < 5) return false;
  if (new RegExp(`^(?:${DATE_SOURCE})$`, 'i').test(s)) return false;
  if (/^\d{1,4}$/.test(s) || /^\d+(?:\.\d+)?$/.test(s)) return false;
  return true;
}

function trackingNumbers(text: string): { request?: string; appeal?: string } {
  const found: { id: string; index: number }[] = [];
  for (const m of text.matchAll(LABELLED)) {
    const id = (m[1] ?? m[2] ?? m[3])!.replace(/[.-]+$/, '');
    if (looksLikeId(id)) found.push({ id, index: m.index });
  }
  const labelled = found.length > 0;
  for (const m of text.matchAll(KNOWN_NUMBERS)) found.push({ id: m[0], index: m.index + (labelled ? 1e9 : 0) });
  found.sort((a, b) => a.index - b.index);
  return { request: found.find((f) => !APPEAL_NUMBER.test(f.id))?.id, appeal: found.find((f) => APPEAL_NUMBER.test(f.id))?.id };
}

// ---------------------------------------------------------------- the facts

const ABOUT_A_REQUEST = /\bFOIA\b|Freedom of Information|Privacy Act|\bFOIPA\b|552a?\b|\brecords? request\b/i;
const APPEAL_LETTER = /\b(?:acknowledg\w*|receipt of|received|regarding|concerning|respon\w* to|decision on|decided|consider\w*|re:|subject:)\s+(?:\w+\s+){0,3}?(?:administrative\s+)?appeal\b|\byou appealed\b|\byour (?:administrative )?appeal (?:was|has been|is)\b/i;

const ACK = /\backnowledg(?:e|es|ed|ing|ment)\b|\bthis is to confirm (?:that )?(?:we|our office) (?:have |has )?received\b|\b(?:has|have) (?:been )?assigned\b|\b(?:assigned|given)\s+(?:it|your request)\b|\b(?:is|was) assigned (?:the )?(?:\w+\s+){0,2}?(?:number|no\.?)\b|\bwe (?:have )?assigned\b|\bassigned (?:to )?(?:it|your request)\b|\bhas been (?:logged|entered|docketed)\b|\b(?:we|our office|this office) (?:have|has) received your\b/i;

const RECEIVED = [
  // "received in this office on October 15, 2025", "which we received on ...", "received by ICE on ..."
  new RegExp(`\\breceiv(?:ed|e)\\b[^.;]{0,80}?(?<!\\b(?:submitted|sent|mailed|filed|written|dated|made|signed)\\s)\\b(?:on|as of)\\s+(?:${DATE_SOURCE})`, 'i'),
  // "Your request, received October 15, 2025, ..."
  new RegExp(`\\breceived\\s+(?:${DATE_SOURCE})`, 'i'),
  // "date of receipt: ...", "received date: ...", "receipt date was ..."
  new RegExp(`\\b(?:date\\s+of\\s+receipt|receipt\\s+date|received\\s+date|date\\s+received)\\b\\s*(?:is|was|:|of)?\\s*(?:${DATE_SOURCE})`, 'i'),
  // "receipt ... on ..." ("we acknowledge receipt on October 15, 2025 of your request")
  new RegExp(`\\breceipt\\b[^.;]{0,40}?(?<!\\b(?:submitted|sent|mailed|filed|written|dated|made|signed)\\s)\\bon\\s+(?:${DATE_SOURCE})`, 'i'),
];

const DAYS = `(?:(?:working|business|work)[\\s-]+)?days?\\b`;
const EXTENSION_WORD = /\bextension\b|\bextend(?:s|ed|ing)?\b|\b(?:additional|further|more)\b(?:\s+[\w()-]+){0,3}\s+days?\b|\bunusual circumstances\b|\bmore time\b/i;
const NO_EXTENSION = /\b(?:no|not (?:need|require|invoke|take)\w*(?: an?)?)\s+(?:\w+\s+){0,2}?extension\b|\bwithout (?:an? )?extension\b/i;
/** "10-day extension", "ten (10) additional working days", "extension of 10 business days", "by an additional ten days". */
const DAY_COUNT = new RegExp(`\\b${COUNT}[\\s-]+(?:(?:additional|more|extra|further)\\s+)?(${DAYS.replace('days?\\b', '')}|calendar[\\s-]+)?days?\\b(?![\\s-]+(?:(?:time[\\s-]+)?limit|deadline|statutory|period|response (?:time|period)))`, 'gi');
const NEW_DATE = new RegExp(`\\b(?:until|to|by|on or before|no later than|through)\\s+(?:\\w+,\\s+)?(${DATE_SOURCE})`, 'i');
const STATUTORY_DAYS = 20;
/** "The FOIA permits a 10-day extension": the law described, not an extension taken. */
const LAW_ALLOWS = /\b(?:allows?|permits?|provides? for|authori[sz]es?|entitles?)\b/i;
const AGENCY_ACTS = /\b(?:will|shall|is|are|am|have|has|must|need to|needs to)\s+(?:\w+\s+){0,3}?(?:invok|tak|extend|need|requir|us|add|giv|apply|applie)\w*/i;

const INFO_ASK = [
  /\b(?:please|kindly)\s+(?:\w+\s+){0,2}?(?:clarify|narrow|specify|identify|describe|reformulate|rephrase|confirm (?:the scope|whether|which))\b/i,
  /\b(?:please|kindly)\s+(?:\w+\s+){0,2}?(?:provide|submit|send|furnish|complete|return|sign)\b[^.]{0,120}\b(?:information|details|clarification|description|proof|verification|consent|authorization|authorisation|waiver|identity|date of birth|form|signature|certification)\b/i,
  /\b(?:we|our office|this office|the agency)\s+(?:\w+\s+){0,2}?(?:need|needs|require|requires|request|requests|are requesting|must have|must receive)\s+(?:\w+\s+){0,3}?(?:clarification|information|details|description|proof|verification|consent|authorization)\b/i,
  /\b(?:request|letter|notice)\s+(?:seeking|for)\s+(?:\w+\s+){0,2}?(?:clarification|information)\b/i,
  /\bdoes not (?:reasonably )?describe\b|\b(?:too|overly) (?:broad|vague)\b|\bnot (?:reasonably )?described\b/i,
  /\b(?:unable|cannot|can ?not|will not)\s+(?:to\s+)?(?:\w+\s+){0,2}?(?:process|proceed|search|continue|begin)\b[^.]{0,160}\buntil\b/i,
  /\b(?:clock|time (?:limit|period)|processing)\b[^.]{0,60}\b(?:toll(?:ed|s|ing)?|stopped|paused|suspended|on hold)\b|\btoll(?:ed|s|ing)?\b[^.]{0,60}\b(?:clock|time|response)\b/i,
];
const FEE_WORDS = /\bfees?\b|\bpayment\b|\bpay\b|\bcosts?\b|\bcharges?\b|\$\s?\d/i;
const FEE_ASK = [
  /\b(?:please|kindly)\s+(?:\w+\s+){0,3}?(?:confirm|indicate|let us know|notify|advise|tell us|state|respond|reply|remit|send|submit|provide|agree)\b/i,
  /\b(?:must|need to|required to|are asked to)\s+(?:\w+\s+){0,3}?(?:agree|commit|confirm|pay|remit|respond|provide|indicate|narrow)\b/i,
  /\b(?:written\s+)?(?:assurance|commitment|agreement|willingness)\s+(?:\w+\s+){0,2}?to pay\b[^.]{0,120}\b(?:within|before|by|until|required|need|must|please)\b/i,
  /\badvance payment\b[^.]{0,80}\b(?:required|is due|must)\b|\b(?:required|require|requires)\b[^.]{0,40}\badvance payment\b/i,
  /\b(?:unable|cannot|can ?not|will not)\s+(?:to\s+)?(?:\w+\s+){0,2}?(?:process|proceed|search|continue|begin)\b[^.]{0,160}\buntil\b/i,
];
const FEE_FACT = /\bfee estimate\b|\bestimated (?:\w+\s+)?(?:fees?|costs?|charges?)\b|\bfees?\b[^.]{0,60}\b(?:will|would|are (?:expected|estimated|likely) to|to) exceed\b|\bexceed\w*\b[^.]{0,40}\$\s?\d|\badvance payment\b|\b(?:willing(?:ness)?|agree(?:ment)?|commit(?:ment)?) to pay\b|\bfee categor(?:y|ies)\b/i;

const RELEASED_FULL = /\breleas\w*\b[^.]{0,80}?\bin (?:full|(?:their|its) entirety)\b|\bgrant(?:ed|ing)?\b[^.]{0,40}\bin full\b|\bfull grant\b|\bwithout (?:any )?(?:redactions?|deletions?|excisions?|withholdings?)\b|\bno (?:information|redactions?|deletions?|excisions?|portions?|records?)\s+(?:\w+\s+){0,2}?(?:was|were|has been|have been)\s+(?:withheld|redacted|made|excised)\b|\byour (?:\w+\s+){0,3}?request (?:is|has been) granted\b(?!\s+in part)/i;
const RELEASED_PART = /\breleas\w*\b[^.]{0,80}?\bin part\b|\bpartial(?:ly)?\s+(?:release|released|grant|granted)\b|\bgrant(?:ed|ing)?\b[^.]{0,40}\bin part\b|\bwithh(?:e|o)ld(?:ing)?\b[^.]{0,40}\bin part\b|\bwith (?:certain |some )?(?:information |portions |material )?(?:redacted|withheld|redactions)\b|\b(?:portions?|parts?|some|certain)\b[^.]{0,80}\b(?:has|have|was|were|has been|have been|being)\s+(?:withheld|redacted|excised|deleted)\b|\bredactions?\s+(?:\w+\s+){0,2}?(?:were|was|have been|has been|are)\s+(?:made|applied|taken)\b/i;
/** Withholding under a named exemption, without saying how much: partial unless it is all. */
const EXEMPTION_CITED = /\b(?:redact|withh(?:e|o)ld|excis|protect)\w*\b[^.]{0,160}\b(?:pursuant to|under|per|by)\s+(?:FOIA\s+|the FOIA'?s?\s+)?(?:exemptions?|\(b\)\(\d)|\bexemptions?\s+(?:\(b\))?\(?\d/i;
const WITHHELD_FULL = /\bwithh(?:e|o)ld\w*\b[^.]{0,80}?\bin (?:full|(?:their|its) entirety)\b|\b(?:is|are|were) exempt from disclosure in (?:full|(?:their|its) entirety)\b|\bden(?:y|ied|ying)\s+(?:\w+\s+){0,2}?(?:request|access|release|it)\b|\brequest (?:is|has been|was) denied\b|\bneither confirm nor deny\b|\bcannot (?:confirm or deny|release any)\b/i;
const NO_RECORDS = /\bno (?:\w+\s+){0,2}?records?\b[^.]{0,60}\b(?:located|found|identified|exist|responsive)\b|\bno responsive (?:records?|documents?|information)\b|\b(?:did|could) not (?:locate|find|identify|uncover) (?:any )?(?:\w+\s+){0,2}?(?:records?|documents?|information)\b|\b(?:unable to|failed to) (?:locate|find|identify) (?:any )?(?:\w+\s+){0,2}?(?:records?|documents?|information)\b|\bsearch\w*\b[^.]{0,60}\b(?:produced|yielded|returned|revealed|located|found|disclosed|resulted in) no\b|\bfound no\b[^.]{0,40}\b(?:records?|documents?)\b|\bno records? (?:exist|were|was)\b/i;
const NOT_THE_REQUEST = /\bfee waiver\b|\bexpedit\w*\b|\breduction of fees\b|\bfee (?:category|reduction)\b/i;
const RELEASE_NOW = /\benclos\w*\b|\battach\w*\b|\b(?:are|is) being (?:released|provided|produced)\b|\bwe (?:are|have) (?:releasing|released|providing|provided|producing|produced)\b|\breleased to you\b|\bavailable (?:for download|at|through|via|on)\b|\b(?:is|are) (?:released|provided|produced)\b|\bhere(?:with| are| is)\b|\bplease find\b/i;
const INTERIM = /\binterim (?:response|release|production)\b|\b(?:first|second|third|fourth|next|partial|rolling|monthly)\s+(?:\w+\s+)?(?:release|production|installment)\b|\bcontinue (?:to )?process\w* (?:the )?remaining\b|\b(?:additional|further|more) (?:records|releases|productions) will (?:follow|be released|be provided)\b/i;
const RECORD_WORDS = /\b(?:records?|pages?|documents?|files?|material|information|production|release)\b/i;
const FINAL = /\bfinal (?:response|determination|release|production|action)\b|\bthis (?:completes|concludes|closes)\b|\b(?:is|are) now closed\b|\bclos(?:e|ed|ing) (?:your|this) (?:request|file|case)\b/i;

/**
 * Reads one letter. Throws LetterDateError when the letter writes a date that does not exist:
 * which of its days are right cannot be told, so none is used.
 */
export function readLetter(input: LetterInput): LetterReading {
  const text = input.text;
  const letterDate = dateOfLetter(text, input.date);
  const impossible = datesIn(text).filter((d) => !d.iso);
  if (impossible.length) throw new LetterDateError(`the letter names a date that does not exist: ${impossible.map((d) => `"${d.text}"`).join(', ')}`);
  const sentences = sentencesOf(`${input.subject ? `${input.subject}\n\n` : ''}${text}`);
  const flat = sentences.join(' ');
  const numbers = trackingNumbers(flat);
  const agency = agencyOf(flat, input.sender, numbers.request ?? numbers.appeal);
  const base = { letterDate, ...(agency ? { agency } : {}), ...(numbers.request ? { trackingNumber: numbers.request } : {}) };
  if (!ABOUT_A_REQUEST.test(flat) && !numbers.request) return { ...base, recognised: false, events: [], notes: ['the text is not about a records request'] };
  const notes: string[] = [];
  const ev = (type: LetterEventType, at: string, words: string, extra: Partial<LetterEvent> = {}): LetterEvent => ({ type, at, ...extra, ...(agency ? { agency } : {}), evidence: evidence(words) });
  if (numbers.appeal || APPEAL_LETTER.test(flat)) {
    return { ...base, recognised: true, events: [], notes: ['a letter about an appeal: what it reports is not an event of the request'] };
  }
  const asserted = sentences.filter(isAssertion);
  const events: LetterEvent[] = [];

  const acks = asserted.filter((s) => ACK.test(s));
  if (acks.length) {
    const number = numbers.request;
    if (number) events.push(ev('acknowledged', letterDate, acks.find((s) => s.includes(number)) ?? withNumber(acks[0]!, sentences, number), { trackingNumber: number }));
    else notes.push('the letter acknowledges the request but gives no tracking number');
  }

  const received = receivedDate(asserted);
  if (received) events.push(ev('received', received.iso, received.sentence));

  const extension = readExtension(asserted, received?.iso ?? input.receivedOn, notes);
  if (extension) events.push(ev('extension_notice', letterDate, extension.sentence, { workingDays: extension.workingDays }));

  const fee = asserted.find((s) => FEE_WORDS.test(s) && FEE_FACT.test(s) && FEE_ASK.some((re) => re.test(s)));
  const info = asserted.find((s) => s !== fee && !(FEE_WORDS.test(s) && FEE_FACT.test(s)) && INFO_ASK.some((re) => re.test(s)));
  if (info) events.push(ev('info_request_sent', letterDate, info));
  if (fee) events.push(ev('fee_clarification_sent', letterDate, fee));

  const decided = determination(asserted);
  const interim = asserted.some((s) => INTERIM.test(s)) && !asserted.some((s) => FINAL.test(s));
  if (decided && !interim) events.push(ev('determination', letterDate, decided.sentence, { outcome: decided.outcome }));
  const releasing = decided !== undefined && (decided.outcome === 'full_grant' || decided.outcome === 'partial_grant');
  const releaseWords = asserted.find((s) => RELEASE_NOW.test(s) && RECORD_WORDS.test(s) && !NOT_THE_REQUEST.test(s));
  if (releasing || (interim && releaseWords && decided?.outcome !== 'no_records')) {
    events.push(ev('records_released', letterDate, releaseWords ?? decided!.sentence, { final: !interim }));
  }
  return { ...base, recognised: true, events, notes };
}

/** The letter's own date: a date standing alone on one of its first lines, or "Date: ..."; else the message's. */
function dateOfLetter(text: string, fallback: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 15);
  for (const line of lines) {
    const m = new RegExp(`^(?:date[d]?\\s*:?\\s*)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?(?:${DATE_SOURCE})\\.?$`, 'i').exec(line);
    if (m) {
      const d = datesIn(line)[0]!;
      if (!d.iso) throw new LetterDateError(`the letter is dated "${d.text}", a date that does not exist`);
      return d.iso;
    }
  }
  return fallback;
}

/** The acknowledging sentence, or the one that names the number when that is elsewhere. */
function withNumber(ack: string, sentences: string[], number: string): string {
  const named = sentences.find((s) => s.includes(number));
  return named ? `${ack} … ${named}` : ack;
}

function receivedDate(sentences: string[]): { iso: string; sentence: string } | undefined {
  for (const s of sentences) {
    for (const re of RECEIVED) {
      const m = re.exec(s);
      if (!m) continue;
      const d: LetterDate | undefined = datesIn(m[0]).at(-1);
      if (d?.iso) return { iso: d.iso, sentence: s };
    }
  }
  return undefined;
}

function readExtension(sentences: string[], receivedOn: string | undefined, notes: string[]): { workingDays: number; sentence: string } | undefined {
  // A sentence where the agency acts comes before one that describes what the law allows.
  const candidates = sentences.filter((s) => EXTENSION_WORD.test(s) && !NO_EXTENSION.test(s) && !HEDGED.test(s) && (AGENCY_ACTS.test(s) || !LAW_ALLOWS.test(s)));
  candidates.sort((a, b) => Number(AGENCY_ACTS.test(b)) - Number(AGENCY_ACTS.test(a)));
  for (const s of candidates) {
    if (!/\bextension\b|\bextend\w*\b|\badditional\b|\bmore time\b|\bunusual circumstances\b/i.test(s)) continue;
    for (const m of s.matchAll(DAY_COUNT)) {
      const n = numberFrom(m[1]!);
      if (n === undefined || Number.isNaN(n)) continue;
      if (n === STATUTORY_DAYS && !/\b(?:extension|additional|extend)\b/i.test(s.slice(Math.max(0, m.index - 30), m.index + m[0].length + 15))) continue;
      if (/^calendar/i.test(m[2] ?? '')) {
        notes.push(`an extension of ${n} calendar days: the statute extends by working days, so it is left to a person`);
        return undefined;
      }
      if (n < 1 || n > 10) {
        notes.push(`an extension of ${n} working days is more than the statute's ten: left to a person`);
        return undefined;
      }
      return { workingDays: n, sentence: s };
    }
    const named = NEW_DATE.exec(s);
    if (named) {
      const until = datesIn(named[0]).at(-1);
      if (!until?.iso) continue;
      if (!receivedOn) {
        notes.push(`an extension to ${until.iso}, but the letter does not say when the request was received, so its working days cannot be counted`);
        return undefined;
      }
      const days = workingDaysAfterDue(receivedOn, until.iso);
      if (days < 1 || days > 10) {
        notes.push(`an extension to ${until.iso} is ${days} working days past the statutory date: left to a person`);
        return undefined;
      }
      return { workingDays: days, sentence: s };
    }
  }
  return undefined;
}

/** Working days from the statutory 20th working day after receipt up to `until`. */
function workingDaysAfterDue(receivedOn: string, until: string): number {
  const due = countWorkingDays(defaultCalendar, epochOf(receivedOn), STATUTORY_DAYS, DEFAULT_READING, SILENT);
  const end = epochOf(until);
  let n = 0;
  for (let d = due + 1; d <= end; d++) if (isWorkingDay(defaultCalendar, d, DEFAULT_READING)) n++;
  return end <= due ? 0 : n;
}

/** "Records may be withheld under...": how requests go, not what happened to this one. */
const MIGHT_BE = /\b(?:may|might|could|would|can)\s+(?:\w+\s+){0,2}?(?:be|not|result)\b/i;
/** "...determined that they may be released in full": a decision, for all its modal. */
const DECIDED = /\b(?:determined|decided|concluded|have found|completed (?:its|our|the) review)\b/i;

function determination(sentences: string[]): { outcome: Outcome; sentence: string } | undefined {
  const about = sentences.filter((s) => !NOT_THE_REQUEST.test(s) && (!MIGHT_BE.test(s) || DECIDED.test(s)));
  const first = (re: RegExp, except?: RegExp) => about.find((s) => re.test(s) && !(except && except.test(s)));
  const part = first(RELEASED_PART);
  const full = first(RELEASED_FULL);
  const withheld = first(WITHHELD_FULL);
  const exemption = first(EXEMPTION_CITED, WITHHELD_FULL);
  const none = first(NO_RECORDS);
  if (part) return { outcome: 'partial_grant', sentence: part };
  if (full && (withheld || (exemption && exemption !== full))) return { outcome: 'partial_grant', sentence: `${full} … ${withheld ?? exemption}` };
  if (full) return { outcome: 'full_grant', sentence: full };
  if (withheld) return { outcome: 'denial', sentence: withheld };
  if (exemption && !none) return { outcome: 'partial_grant', sentence: exemption };
  if (none) return { outcome: 'no_records', sentence: none };
  return undefined;
}
