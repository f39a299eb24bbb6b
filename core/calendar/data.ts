/**
 * Dated facts that no rule predicts, kept as data. Adding to them (through withDays) gives a
 * new calendar version; open deadlines are then recomputed against it.
 */
import type { DayNote, DayRange } from './days';

/**
 * A whole-day presidential closure of the executive departments. The label names the order,
 * because that order is what makes the day "declared a holiday by the President" (FRCP
 * 6(a)(6)(B), FRAP 26(a)(6)(B)).
 */
function closure(date: string, order: string, occasion: string): DayNote {
  return { date, order, label: `executive order closing executive departments and agencies ${occasion} (${order})` };
}

/**
 * Days the President closed executive departments and agencies for the whole day by executive
 * order, back to 2001. Half-day closures (the afternoons of 2002-12-24, 2009-12-24 and
 * 2015-12-24) are left out: the day was not closed, so it is not a day on which a period can
 * stop. Where the order's number could not be checked against its published text, the order
 * is named by its date only.
 */
export const EXECUTIVE_ORDER_CLOSURES: readonly DayNote[] = [
  closure('2001-12-24', 'Executive order of December 2001', 'on Monday, December 24, 2001'),
  closure('2003-12-26', 'Executive order of December 2003', 'on Friday, December 26, 2003'),
  closure('2004-06-11', 'Executive order of June 6, 2004', 'as a mark of respect for President Ronald Reagan (National Day of Mourning)'),
  closure('2007-01-02', 'Executive order of December 28, 2006', 'as a mark of respect for President Gerald R. Ford (National Day of Mourning)'),
  closure('2007-12-24', 'Executive Order 13453 of December 6, 2007', 'on Monday, December 24, 2007'),
  closure('2008-12-26', 'Executive order of December 12, 2008', 'on Friday, December 26, 2008'),
  closure('2012-12-24', 'Executive Order 13633 of December 21, 2012', 'on Monday, December 24, 2012'),
  closure('2014-12-26', 'Executive Order 13682 of December 5, 2014', 'on Friday, December 26, 2014'),
  closure('2018-12-05', 'Executive Order 13852 of December 1, 2018', 'as a mark of respect for President George H. W. Bush (National Day of Mourning)'),
  closure('2018-12-24', 'Executive Order 13854 of December 18, 2018', 'on Monday, December 24, 2018'),
  closure('2019-12-24', 'Executive order of December 2019', 'on Tuesday, December 24, 2019'),
  closure('2020-12-24', 'Executive order of December 11, 2020', 'on Thursday, December 24, 2020'),
  closure('2024-12-24', 'Executive order of December 2024', 'on Christmas Eve, December 24, 2024'),
  closure('2025-01-09', 'Executive order of December 2024', 'for the National Day of Mourning for President Jimmy Carter, January 9, 2025'),
  closure('2025-12-24', 'Executive order of December 2025', 'on Wednesday, December 24, 2025'),
  closure('2025-12-26', 'Executive order of December 2025', 'on Friday, December 26, 2025'),
];

/** Lapses in appropriations (government shutdowns). */
export const APPROPRIATIONS_LAPSES: readonly DayRange[] = [
  { from: '2025-10-01', to: '2025-11-12', label: 'lapse in appropriations, October 1 - November 12, 2025' },
];
