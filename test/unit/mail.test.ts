/** The HTML part is drawn from the plain text: same words, links as links, nothing unescaped. */
import { describe, expect, it } from 'vitest';
import { isUrgent, mailContent } from '../../core/mail';

const text = [
  'Opposition <script>alert(1)</script> & "reply" (Matter A)',
  '',
  'Opposition due is due Monday, March 30, 2026 (ends 11:59 pm court time).',
  '',
  'How this date was computed:',
  '- Trigger: 2026-03-02',
  '- Due: 2026-03-30',
  'Rule: LCvR 7(b)',
  '',
  'Open the item: https://dw.example.org/dashboard#item=01ABC',
].join('\n');

describe('mailContent', () => {
  it('keeps the text as it is and escapes everything it puts in the HTML', () => {
    const m = mailContent({ kind: 'reminder', rung: 'D-7', subject: 'Reminder: <b>x</b>', text });
    expect(m.text).toBe(text);
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('Opposition &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;reply&#34;');
    expect(m.html).toContain('<title>Reminder: &#60;b&#62;x&#60;/b&#62;</title>');
    expect(m.html).toContain('<ul><li>Trigger: 2026-03-02</li><li>Due: 2026-03-30</li></ul>');
    expect(m.html).toContain('<a href="https://dw.example.org/dashboard#item=01ABC">Open the item in Docketwatch</a>');
    expect(m.link).toBe('https://dw.example.org/dashboard#item=01ABC');
    expect(m.urgent).toBe(false);
  });

  it('links a digest entry’s URL under its line', () => {
    const digest = 'Good morning A. Your deadlines for 2026-03-23:\n\nOVERDUE (1)\n- 2026-03-20  Reply: Item\n  https://dw.example.org/dashboard#item=01XYZ';
    const m = mailContent({ kind: 'digest', rung: 'digest-2026-03-23', subject: 'Digest', text: digest });
    expect(m.html).toContain('<h2 style="font-size:1em">OVERDUE (1)</h2>');
    expect(m.html).toContain('<li>2026-03-20  Reply: Item<br><a href="https://dw.example.org/dashboard#item=01XYZ">https://dw.example.org/dashboard#item=01XYZ</a></li>');
  });

  it('marks a notice window’s alerts urgent, not a reminder or a digest', () => {
    expect(isUrgent({ kind: 'alert', rung: 'created', subject: 'Urgent: x' })).toBe(true);
    expect(isUrgent({ kind: 'alert', rung: 'earliest', subject: 'x' })).toBe(true);
    expect(isUrgent({ kind: 'alert', rung: 'missed', subject: 'Overdue: x' })).toBe(false);
    expect(isUrgent({ kind: 'reminder', rung: 'H-4', subject: 'Reminder: x' })).toBe(false);
    const m = mailContent({ kind: 'alert', rung: 'created', subject: 'Urgent: notice', text: 'x' });
    expect(m.html).toContain('Urgent: act before this window closes.');
  });
});
