/**
 * Business metrics as CloudWatch embedded metric format (no API call): intakes, events,
 * reminders sent. Published at once so a metric is never lost with a frozen container.
 * Locally (POWERTOOLS_METRICS_DISABLED=true) nothing is emitted.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const metrics = new Metrics({ namespace: 'Docketwatch', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'docketwatch' });

export type BusinessMetric = 'Intakes' | 'ItemsCreated' | 'EventsRecorded' | 'RemindersSent' | 'DeadlinesMissed';

export function count(name: BusinessMetric, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}
