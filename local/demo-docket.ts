/**
 * The demo matter's docket: a dozen entries as they would arrive, CourtListener alerts and
 * notices of electronic filing, dated against the runtime clock at first start, read through the
 * same intake as the webhook. Their proposals wait on the dashboard under "From the docket".
 */
import { dateIn } from '../core/time';
import { DEMO_MATTER } from './demo';

const DAY = 86_400_000;
const CASE = 'CENTER FOR TAXPAYER RIGHTS et al v. INTERNAL REVENUE SERVICE et al';
const GOV = 'INTERNAL REVENUE SERVICE, UNITED STATES DEPARTMENT OF THE TREASURY';
const PLS = 'CENTER FOR TAXPAYER RIGHTS, MAIN STREET ALLIANCE';

/** M/D/YYYY, as the clerk writes dates. */
const clerkDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
};

interface DemoEntry {
  id: number;
  day: string;
  number: number | null;
  text: string;
  time?: string;
}

function courtListenerBody(entries: DemoEntry[], createdAt: string): string {
  return JSON.stringify({
    webhook: { version: 2, event_type: 1, date_created: createdAt, deprecation_date: null },
    payload: {
      results: entries.map((e, i) => ({
        id: e.id, docket: 69610442, date_filed: e.day, time_filed: e.time ?? null, entry_number: e.number,
        recap_sequence_number: `${e.day}.${String(i + 1).padStart(3, '0')}`, pacer_sequence_number: null, description: e.text, recap_documents: [],
      })),
    },
  });
}

function nef(entered: { day: string; time: string }, doc: number | null, filer: string, text: string): string {
  return [
    'From: ecf-notices@dcd.example',
    `Subject: Activity in Case 1:25-cv-00457-CKK ${CASE}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'U.S. District Court',
    '',
    'District of Columbia',
    '',
    'Notice of Electronic Filing',
    '',
    `The following transaction was entered on ${clerkDate(entered.day)} at ${entered.time} and filed on ${clerkDate(entered.day)}`,
    `Case Name:           ${CASE}`,
    'Case Number:         1:25-cv-00457-CKK',
    `Filer:               ${filer}`,
    `Document Number:     ${doc ?? 'No document attached'}`,
    '',
    'Docket Text:',
    text,
    '',
    '1:25-cv-00457-CKK Notice has been electronically mailed to:',
    '',
    'Alex Rivera     alex.rivera@example.org',
    '',
  ].join('\n');
}

function appellateNotice(day: string, text: string): string {
  return [
    'From: ecf-notices@cadc.example',
    'Subject: 26-5006 Center for Taxpayer Rights, et al v. IRS, et al "Clerk\'s Order Filed"',
    '',
    'United States Court of Appeals for District of Columbia Circuit',
    '',
    'Notice of Docket Activity',
    '',
    `The following transaction was filed on ${clerkDate(day)}`,
    '',
    'Case Name:     Center for Taxpayer Rights, et al v. IRS, et al',
    'Case Number:   26-5006',
    '',
    'Docket Text:',
    text,
    '',
    'Notice will be electronically mailed to:',
    '',
  ].join('\n');
}

/** Reads the demo docket into the demo matter. Returns how many proposals it made. */
export async function seedDemoDocket(now: Date): Promise<number> {
  const { receive } = await import('../functions/lib/docket-intake');
  const day = (offset: number) => dateIn(new Date(now.getTime() + offset * DAY));
  const ctx = { side: 'plaintiffs' as const, usParty: true, court: 'DDC' as const };
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const hourAgoClock = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit', hour12: true }).format(hourAgo);

  const arrivals: { source: 'courtlistener' | 'nef'; body: string }[] = [
    {
      source: 'courtlistener',
      body: courtListenerBody([
        { id: 911000101, day: day(-9), number: 90, text: 'NOTICE of Appearance by Morgan Ellis on behalf of All Defendants (Ellis, Morgan)' },
        { id: 911000102, day: day(-8), number: 91, text: `MOTION for Stay Pending Appeal by ${GOV}. (Attachments: # 1 Memorandum in Support, # 2 Text of Proposed Order)(Ellis, Morgan)` },
        { id: 911000103, day: day(-7), number: null, text: `Set/Reset Hearings: Motion Hearing set for ${clerkDate(day(13))} at 10:00 AM in Courtroom 28A before Judge Colleen Kollar-Kotelly. (zgdf)` },
      ], now.toISOString()),
    },
    { source: 'nef', body: nef({ day: day(-6), time: '3:12 PM' }, 92, 'CENTER FOR TAXPAYER RIGHTS', `LCvR 26.1 CERTIFICATE OF DISCLOSURE of Corporate Affiliations and Financial Interests by ${PLS} (Rivera, Alex)`) },
    {
      source: 'courtlistener',
      body: courtListenerBody([
        { id: 911000105, day: day(-5), number: 93, text: `Consent MOTION for Extension of Time to File Response/Reply as to [91] MOTION for Stay Pending Appeal by ${PLS}. (Rivera, Alex)` },
        { id: 911000106, day: day(-4), number: 94, text: `ORDER granting [93] Motion for Extension of Time to File Response/Reply as to [91] MOTION for Stay Pending Appeal. Plaintiffs shall file their opposition on or before ${clerkDate(day(16))}. Signed by Judge Colleen Kollar-Kotelly on ${clerkDate(day(-4))}. (lcckk2)` },
      ], now.toISOString()),
    },
    { source: 'nef', body: nef({ day: day(-4), time: '5:40 PM' }, 95, 'CENTER FOR TAXPAYER RIGHTS', `MOTION to Compel Completion of the Administrative Record by ${PLS}. (Attachments: # (1) Memorandum in Support)(Rivera, Alex)`) },
    {
      source: 'nef',
      body: nef({ day: day(-3), time: '9:15 AM' }, null, '', `MINUTE ORDER: Defendants shall file a status report on or before ${clerkDate(day(18))} describing every disclosure made under the [40] Order. Signed by Judge Colleen Kollar-Kotelly on ${clerkDate(day(-3))}. (lcckk2) Set/Reset Deadlines: Status Report due by ${clerkDate(day(18))}.`),
    },
    {
      source: 'nef',
      body: nef({ day: day(-2), time: '11:02 AM' }, null, '', `MINUTE ORDER: Having considered the parties' [96] Joint Status Report, the Court ORDERS that Plaintiffs shall file a reply in support of [95] on or before ${clerkDate(day(12))}. Signed by Judge Colleen Kollar-Kotelly on ${clerkDate(day(-2))}. (lcckk2) Set/Reset Deadlines: Replies due by ${clerkDate(day(11))}.`),
    },
    { source: 'nef', body: nef({ day: day(-2), time: '2:30 PM' }, 97, 'CENTER FOR TAXPAYER RIGHTS', 'MOTION for Leave to Appear Pro Hac Vice :Attorney Name- Avery Brooks, :Firm- Example Advocates. Fee Status: Fee Paid. by CENTER FOR TAXPAYER RIGHTS (Rivera, Alex)') },
    {
      source: 'courtlistener',
      body: courtListenerBody([{ id: 911000111, day: day(-1), number: 98, text: `Memorandum in opposition to re [95] MOTION to Compel Completion of the Administrative Record filed by ${GOV}. (Ellis, Morgan)` }], now.toISOString()),
    },
    { source: 'nef', body: appellateNotice(day(-1), `CLERK'S ORDER filed [2145678] setting briefing schedule: APPELLANT Brief due ${clerkDate(day(30)).replace(/\b(\d)\//g, '0$1/')}. APPELLEE Brief due ${clerkDate(day(60)).replace(/\b(\d)\//g, '0$1/')}. [26-5006]`) },
    {
      source: 'nef',
      body: nef(
        { day: dateIn(hourAgo), time: `${hourAgoClock} ET` },
        99,
        'INTERNAL REVENUE SERVICE',
        "NOTICE of Intended Disclosure by INTERNAL REVENUE SERVICE pursuant to the Court's [40] Order: the IRS intends to share last-known address information for 310 taxpayers with Immigration and Customs Enforcement (Ellis, Morgan)",
      ),
    },
  ];
  let made = 0;
  for (const a of arrivals) {
    const read = await receive({ matterId: DEMO_MATTER.id, source: a.source, body: a.body, receivedAt: now }, ctx);
    made += read.entries.reduce((n, e) => n + e.proposals, 0);
  }
  return made;
}
