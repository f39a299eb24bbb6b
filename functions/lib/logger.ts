/**
 * One structured logger. Log lines carry ids, routes, statuses and durations, never request
 * bodies, names, emails or tracking codes: taxpayer data is what this case is about.
 *
 * A line is one JSON object (level, message, timestamp, service, the X-Ray trace id when
 * Lambda sets one, then the caller's fields), the shape the Powertools logger writes, in a few
 * hundred bytes instead of its 20 KB that every function would carry to each cold start. The
 * threshold is the stricter of the function's own (`POWERTOOLS_LOG_LEVEL`, else `LOG_LEVEL`)
 * and Lambda's application log level, which drops the rest in CloudWatch anyway.
 */
const THRESHOLDS = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 } as const;
type Level = Exclude<keyof typeof THRESHOLDS, 'SILENT'>;

function thresholdOf(name: string | undefined): number | undefined {
  return name === undefined ? undefined : THRESHOLDS[name.toUpperCase() as keyof typeof THRESHOLDS];
}

/** Errors as their name, message and stack (JSON.stringify alone gives `{}`); a cycle once. */
function replacer(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return (_key, value) => {
    if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack, ...(value.cause === undefined ? {} : { cause: value.cause }) };
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[Circular]';
      seen.add(value);
    }
    return value;
  };
}

export class Logger {
  private readonly threshold: number;

  constructor(
    private readonly service: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    const own = thresholdOf(env.POWERTOOLS_LOG_LEVEL) ?? thresholdOf(env.LOG_LEVEL) ?? THRESHOLDS.INFO;
    this.threshold = Math.max(own, thresholdOf(env.AWS_LAMBDA_LOG_LEVEL) ?? 0);
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.write('DEBUG', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.write('INFO', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('WARN', message, fields);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.write('ERROR', message, fields);
  }

  private write(level: Level, message: string, fields: Record<string, unknown> | undefined): void {
    if (THRESHOLDS[level] < this.threshold) return;
    // Read per line: Lambda sets the trace id for each invocation.
    const trace = /Root=([^;]+)/.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1];
    const line = { level, message, timestamp: new Date().toISOString(), service: this.service, ...(trace ? { xray_trace_id: trace } : {}), ...fields };
    // Warnings and errors on stderr, the rest on stdout, as console.warn / console.log would.
    (THRESHOLDS[level] >= THRESHOLDS.WARN ? process.stderr : process.stdout).write(`${JSON.stringify(line, replacer())}\n`);
  }
}

export const logger = new Logger(process.env.POWERTOOLS_SERVICE_NAME ?? 'docketwatch');
