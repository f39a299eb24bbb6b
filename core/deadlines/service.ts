/**
 * How a paper was served, which decides whether FRCP 6(d) adds three days. Its own module with no
 * imports: the event readers name the methods without loading the calendar and the engine.
 */
export type Service = 'electronic' | 'mail' | 'hand' | 'consented_other';
export const SERVICE_METHODS: readonly Service[] = ['electronic', 'mail', 'hand', 'consented_other'];
