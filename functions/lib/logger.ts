/**
 * One structured logger. Log lines carry ids, routes, statuses and durations, never request
 * bodies, names, emails or tracking codes: taxpayer data is what this case is about.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'docketwatch' });
