/**
 * Dated facts that no rule predicts, kept as data. Adding to them (through withDays) gives a
 * new calendar version; open deadlines are then recomputed against it.
 */
import type { DayNote, DayRange } from './days';

/** Days the President closed executive departments and agencies by executive order. */
export const EXECUTIVE_ORDER_CLOSURES: readonly DayNote[] = [
  { date: '2024-12-24', label: 'executive order closing executive departments and agencies on Christmas Eve 2024' },
  { date: '2025-01-09', label: 'executive order closing executive departments and agencies for the National Day of Mourning for President Jimmy Carter' },
  { date: '2025-12-24', label: 'executive order closing executive departments and agencies on December 24, 2025' },
  { date: '2025-12-26', label: 'executive order closing executive departments and agencies on December 26, 2025' },
];

/** Lapses in appropriations (government shutdowns). */
export const APPROPRIATIONS_LAPSES: readonly DayRange[] = [
  { from: '2025-10-01', to: '2025-11-12', label: 'lapse in appropriations, October 1 - November 12, 2025' },
];
