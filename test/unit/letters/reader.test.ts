/**
 * The agency-letter reader over letters written in the styles of ICE, DHS (and CBP), the IRS,
 * Treasury and DOJ (OIP, FBI, EOUSA, a litigating division): each row is the full list of
 * events the letter proposes, in order, with the words each rests on. Letters marked `pdf`
 * are also sent as a PDF attachment to a one-line e-mail and must read the same.
 */
import { describe, expect, it } from 'vitest';
import { eventBody, LetterDateError, readLetter, type LetterEvent } from '../../../core/letters';
import { parseEvent } from '../../../core/lifecycle';
import { readMail } from '../../../functions/lib/mail-read';
import { letterPdf, letterText, rawMail } from '../../support/mail';

type Expected = Omit<LetterEvent, 'evidence'> & { evidence: string };
const ev = (type: LetterEvent['type'], at: string, evidence: string, extra: Partial<LetterEvent> = {}): Expected => ({ type, at, ...extra, evidence } as Expected);

interface Row {
  file: string;
  sender?: string;
  pdf?: boolean;
  agency?: string;
  recognised?: boolean;
  events: Expected[];
}

const ROWS: Row[] = [
  {
    file: 'ice-ack-extension.txt',
    sender: 'ICE FOIA <ice-foia@ice.dhs.gov>',
    pdf: true,
    agency: 'ICE',
    events: [
      ev('acknowledged', '2025-10-20', 'ICE has assigned reference number 2026-ICFO-01234', { trackingNumber: '2026-ICFO-01234' }),
      ev('received', '2025-10-15', 'received in this office on October 15, 2025'),
      ev('extension_notice', '2025-10-20', 'ICE will invoke a 10-day extension', { workingDays: 10 }),
    ],
  },
  { file: 'ice-no-records.txt', agency: 'ICE', events: [ev('determination', '2026-01-09', 'no records responsive to your request were located', { outcome: 'no_records' })] },
  {
    file: 'ice-partial.txt',
    pdf: true,
    agency: 'ICE',
    events: [
      ev('determination', '2026-02-03', '29 pages will be released in part', { outcome: 'partial_grant' }),
      ev('records_released', '2026-02-03', 'The enclosed records are provided', { final: true }),
    ],
  },
  { file: 'ice-appeal-ack.txt', agency: 'ICE', events: [] },
  { file: 'ice-status.txt', agency: 'ICE', events: [] },
  {
    file: 'ice-hedged-extension.txt',
    agency: 'ICE',
    events: [
      ev('acknowledged', '2025-11-06', 'has given it tracking number 2026-ICFO-02277', { trackingNumber: '2026-ICFO-02277' }),
      ev('received', '2025-11-04', 'ICE received it on November 4, 2025'),
    ],
  },
  {
    file: 'dhs-ack.txt',
    sender: 'foia@hq.dhs.gov',
    agency: 'DHS',
    events: [
      ev('acknowledged', '2025-11-12', 'assigned the following tracking number: 2025-HQFO-00789', { trackingNumber: '2025-HQFO-00789' }),
      ev('received', '2025-11-07', 'We received your request on November 7, 2025'),
      ev('extension_notice', '2025-11-12', 'an additional ten (10) working days', { workingDays: 10 }),
    ],
  },
  { file: 'dhs-clarification.txt', agency: 'DHS', events: [ev('info_request_sent', '2025-12-03', 'does not reasonably describe the records')] },
  {
    file: 'dhs-full-grant.txt',
    pdf: true,
    agency: 'DHS',
    events: [
      ev('determination', '2026-01-27', 'determined that they may be released in full', { outcome: 'full_grant' }),
      ev('records_released', '2026-01-27', 'Please find the 18 pages attached', { final: true }),
    ],
  },
  {
    file: 'dhs-shouting.txt',
    agency: 'CBP',
    events: [
      ev('acknowledged', '2025-11-18', 'ASSIGNED CONTROL NUMBER CBP-2026-014455', { trackingNumber: 'CBP-2026-014455' }),
      ev('received', '2025-11-14', 'WHICH CBP RECEIVED ON NOVEMBER 14, 2025'),
      ev('extension_notice', '2025-11-18', 'BY TEN (10) BUSINESS DAYS', { workingDays: 10 }),
    ],
  },
  {
    file: 'irs-ack.txt',
    sender: '"IRS Disclosure" <disclosure.office10@irs.gov>',
    pdf: true,
    agency: 'IRS',
    events: [
      ev('acknowledged', '2025-10-08', 'assigned it case number F26063-0042', { trackingNumber: 'F26063-0042' }),
      ev('received', '2025-10-08'.replace('08', '03'), 'request on October 3, 2025'),
      ev('extension_notice', '2025-10-08', 'an additional ten business days', { workingDays: 10 }),
    ],
  },
  {
    // Received Wednesday October 29, 2025: the 20th working day is Friday November 28 (Veterans
    // Day and Thanksgiving skipped); December 12 is ten working days later.
    file: 'irs-extension-date.txt',
    agency: 'IRS',
    events: [
      ev('received', '2025-10-29', 'which we received on October 29, 2025'),
      ev('extension_notice', '2025-11-20', 'until December 12, 2025', { workingDays: 10 }),
    ],
  },
  { file: 'irs-fee.txt', agency: 'IRS', events: [ev('fee_clarification_sent', '2025-12-15', 'whether you agree to pay the estimated fees')] },
  {
    file: 'irs-denial.txt',
    pdf: true,
    agency: 'IRS',
    events: [
      ev('received', '2025-10-03', 'that we received on October 3, 2025'),
      ev('determination', '2026-02-11', 'We are withholding them in full', { outcome: 'denial' }),
    ],
  },
  {
    file: 'treasury-ack.txt',
    agency: 'Treasury',
    events: [
      ev('acknowledged', '2025-11-10', 'assigned FOIA tracking number 2026-FOIA-00112', { trackingNumber: '2026-FOIA-00112' }),
      ev('received', '2025-11-04', "FOIA office on November 4, 2025"),
    ],
  },
  { file: 'treasury-interim.txt', agency: 'Treasury', events: [ev('records_released', '2026-01-15', 'We are releasing 112 pages', { final: false })] },
  {
    file: 'treasury-final-partial.txt',
    pdf: true,
    agency: 'Treasury',
    events: [
      ev('determination', '2026-03-06', 'with certain information redacted', { outcome: 'partial_grant' }),
      ev('records_released', '2026-03-06', 'We are releasing these pages', { final: true }),
    ],
  },
  {
    file: 'doj-oip-ack.txt',
    sender: 'doj.oip.foia@usdoj.gov',
    agency: 'DOJ',
    events: [
      ev('acknowledged', '2025-12-02', 'assigned control number FOIA-2026-00345', { trackingNumber: 'FOIA-2026-00345' }),
      ev('received', '2025-11-25', 'received in this Office on November 25, 2025'),
      ev('extension_notice', '2025-12-02', 'by ten working days', { workingDays: 10 }),
    ],
  },
  { file: 'doj-fbi-no-records.txt', agency: 'FBI', events: [ev('determination', '2026-01-22', 'unable to identify records responsive', { outcome: 'no_records' })] },
  {
    file: 'doj-eousa-full-grant.txt',
    pdf: true,
    agency: 'EOUSA',
    events: [
      ev('determination', '2026-02-18', 'are being released in full', { outcome: 'full_grant' }),
      ev('records_released', '2026-02-18', 'are being released in full', { final: true }),
    ],
  },
  {
    file: 'doj-clarify-and-fee.txt',
    agency: 'DOJ',
    events: [
      ev('info_request_sent', '2025-12-09', 'We need more information before we can search'),
      ev('fee_clarification_sent', '2025-12-09', 'we require an advance payment'),
    ],
  },
  { file: 'doj-appeal-decision.txt', agency: 'DOJ', events: [] },
  { file: 'bar-newsletter.txt', recognised: false, events: [] },
];

const asExpected = (events: Expected[], agency: string | undefined) =>
  events.map((e) => ({ ...e, ...(agency ? { agency } : {}), evidence: expect.stringContaining(e.evidence) }));

describe('agency letters, each with its full list of events', () => {
  it.each(ROWS)('$file', (row) => {
    const read = readLetter({ text: letterText(row.file), date: '2026-03-10', ...(row.sender ? { sender: row.sender } : {}) });
    expect(read.recognised).toBe(row.recognised ?? true);
    expect(read.agency).toBe(row.agency);
    expect(read.events).toEqual(asExpected(row.events, row.agency));
    // Each is an event of the lifecycle's catalogue, as a confirmed proposal records it.
    for (const e of read.events) expect(parseEvent('foia', eventBody(e), new Date('2026-06-01T00:00:00Z')).type).toBe(e.type);
  });

  it.each(ROWS.filter((r) => r.pdf))('$file as a PDF attached to a one-line e-mail', async (row) => {
    const pdf = await letterPdf(letterText(row.file));
    const raw = rawMail({ from: row.sender ?? 'Records Office <records@agency.example>', text: 'Please see the attached letter.', pdf: { filename: 'letter.pdf', bytes: pdf } });
    const read = await readMail(raw, '2026-03-10');
    expect(read.kind).toBe('letter');
    if (read.kind !== 'letter') return;
    expect(read.from).toBe('letter.pdf');
    expect(read.letter.events).toEqual(asExpected(row.events, row.agency));
  });

  it('refuses a letter that names a day that does not exist, rather than guessing one', () => {
    expect(() => readLetter({ text: letterText('ice-impossible-date.txt'), date: '2026-03-10' })).toThrow(LetterDateError);
    expect(() => readLetter({ text: letterText('ice-impossible-date.txt'), date: '2026-03-10' })).toThrow(/February 30, 2026/);
  });
});

describe('the same facts in other words', () => {
  const wrapAt = (text: string, width: number) =>
    text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim().replace(new RegExp(`(.{1,${width}})(\\s|$)`, 'g'), '$1\n').trim())
      .join('\n\n');

  it.each(ROWS.filter((r) => r.events.length > 0))('$file reads the same re-wrapped at 38 columns and in capitals', (row) => {
    const base = readLetter({ text: letterText(row.file), date: '2026-03-10' }).events.map(({ evidence: _e, ...rest }) => rest);
    for (const text of [wrapAt(letterText(row.file), 38), letterText(row.file).toUpperCase()]) {
      expect(readLetter({ text, date: '2026-03-10' }).events.map(({ evidence: _e, ...rest }) => rest)).toEqual(base);
    }
  });

  const acks: [string, number | undefined][] = [
    ['We are invoking an extension of ten working days under 5 U.S.C. 552(a)(6)(B).', 10],
    ['Because of unusual circumstances we will take 7 additional business days to respond.', 7],
    ['The Department is extending its response time by five (5) working days.', 5],
    ['We need an additional eight working days to complete the search.', 8],
    ['We will require a ten-day extension to consult another component.', 10],
    ['If we cannot finish in time, we may need to take an extension of up to ten working days.', undefined],
    ['We do not need an extension to process your request.', undefined],
    ['The FOIA allows agencies a 10-day extension in unusual circumstances.', undefined],
  ];
  it.each(acks)('"%s" → %s working days', (sentence, days) => {
    const text = `Department of Justice\n\nMay 4, 2026\n\nThis acknowledges receipt of your FOIA request, which has been assigned tracking number EMRUFOIA-2026-00017. ${sentence}`;
    const events = readLetter({ text, date: '2026-05-04' }).events;
    expect(events[0]).toMatchObject({ type: 'acknowledged', trackingNumber: 'EMRUFOIA-2026-00017' });
    expect(events.find((e) => e.type === 'extension_notice')?.workingDays).toBe(days);
  });

  const received: [string, string | undefined][] = [
    ['Your request was received on May 1, 2026.', '2026-05-01'],
    ['This office received your request on 05/01/2026.', '2026-05-01'],
    ['Date of receipt: 1 May 2026.', '2026-05-01'],
    ['Your request, received May 1st, 2026, is in the simple track.', '2026-05-01'],
    ['Your request dated April 28, 2026 was received by our office on April 30, 2026.', '2026-04-30'],
    ['Your request was submitted on April 28, 2026.', undefined],
  ];
  it.each(received)('"%s" → received %s', (sentence, day) => {
    const text = `Internal Revenue Service\n\nMay 4, 2026\n\nThis letter is about your Freedom of Information Act request. ${sentence}`;
    expect(readLetter({ text, date: '2026-05-04' }).events.find((e) => e.type === 'received')?.at).toBe(day);
  });

  const outcomes: [string, string | undefined][] = [
    ['We are granting your request in full; the 9 pages are enclosed.', 'full_grant'],
    ['All responsive records are enclosed without redaction.', 'full_grant'],
    ['Your request is granted in part and denied in part.', 'partial_grant'],
    ['We have withheld certain information under Exemption 6; the remaining pages are enclosed.', 'partial_grant'],
    ['The records are withheld in their entirety under Exemption 7(A).', 'denial'],
    ['We can neither confirm nor deny the existence of records responsive to your request.', 'denial'],
    ['Our search did not locate any responsive records.', 'no_records'],
    ['The search produced no records responsive to your request.', 'no_records'],
    ['If no records are located, you may appeal.', undefined],
    ['Your request for a fee waiver is denied.', undefined],
  ];
  it.each(outcomes)('"%s" → %s', (sentence, outcome) => {
    const text = `Department of the Treasury\n\nMay 4, 2026\n\nRe: FOIA Request 2026-FOIA-00420\n\nThis is our final response to your Freedom of Information Act request. ${sentence}`;
    expect(readLetter({ text, date: '2026-05-04' }).events.find((e) => e.type === 'determination')?.outcome).toBe(outcome);
  });
});
