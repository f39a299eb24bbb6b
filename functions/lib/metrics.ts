/**
 * Business metrics as CloudWatch embedded metric format (no API call): intakes, events,
 * reminders sent. Each is written at once, one line per count, so a metric is never lost with a
 * frozen container. Locally (POWERTOOLS_METRICS_DISABLED=true) nothing is emitted.
 */
export type BusinessMetric = 'Intakes' | 'ItemsCreated' | 'EventsRecorded' | 'RemindersSent' | 'DeadlinesMissed';

const NAMESPACE = 'Docketwatch';
const service = process.env.POWERTOOLS_SERVICE_NAME ?? 'docketwatch';
const disabled = process.env.POWERTOOLS_METRICS_DISABLED?.toLowerCase() === 'true';

/** The EMF document for one count: the metric under the namespace, dimensioned by service. */
export function emfLine(name: BusinessMetric, value: number, at: number): string {
  const directive = { Namespace: NAMESPACE, Dimensions: [['service']], Metrics: [{ Name: name, Unit: 'Count' }] };
  return `${JSON.stringify({ _aws: { Timestamp: at, CloudWatchMetrics: [directive] }, service, [name]: value })}\n`;
}

export function count(name: BusinessMetric, value = 1): void {
  if (disabled) return;
  process.stdout.write(emfLine(name, value, Date.now()));
}
