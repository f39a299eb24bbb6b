/**
 * The log and metric lines CloudWatch receives: one JSON object per line, the level threshold
 * (the function's own and Lambda's, the stricter wins), errors written out, the trace id, and
 * the embedded metric format document a count becomes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Logger } from '../../functions/lib/logger';
import { emfLine } from '../../functions/lib/metrics';

const out: string[] = [];
const err: string[] = [];
const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
const savedTrace = process.env._X_AMZN_TRACE_ID;

beforeEach(() => {
  out.length = 0;
  err.length = 0;
  delete process.env._X_AMZN_TRACE_ID;
  process.stdout.write = ((chunk: string) => (out.push(chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (err.push(chunk), true)) as typeof process.stderr.write;
});
afterEach(() => {
  process.stdout.write = writes.stdout;
  process.stderr.write = writes.stderr;
  if (savedTrace === undefined) delete process.env._X_AMZN_TRACE_ID;
  else process.env._X_AMZN_TRACE_ID = savedTrace;
});

const ORDER = ['DEBUG', 'INFO', 'WARN', 'ERROR'];
const levelsWritten = (env: NodeJS.ProcessEnv) => {
  out.length = 0;
  err.length = 0;
  const log = new Logger('svc', env);
  log.debug('d');
  log.info('i');
  log.warn('w');
  log.error('e');
  return [...out, ...err].map((l) => JSON.parse(l).level).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
};

describe('Logger', () => {
  it('writes one JSON line with level, message, timestamp, service and the fields', () => {
    new Logger('docketwatch', {}).info('intake stored', { itemId: 'req_01', status: 201 });
    expect(out).toHaveLength(1);
    expect(out[0]!.endsWith('\n')).toBe(true);
    const line = JSON.parse(out[0]!);
    expect(Object.keys(line)).toEqual(['level', 'message', 'timestamp', 'service', 'itemId', 'status']);
    expect(line).toMatchObject({ level: 'INFO', message: 'intake stored', service: 'docketwatch', itemId: 'req_01', status: 201 });
    expect(new Date(line.timestamp).toISOString()).toBe(line.timestamp);
  });

  it('INFO by default; the stricter of its own level and Lambda’s wins', () => {
    expect(levelsWritten({})).toEqual(['INFO', 'WARN', 'ERROR']);
    expect(levelsWritten({ POWERTOOLS_LOG_LEVEL: 'debug' })).toEqual(['DEBUG', 'INFO', 'WARN', 'ERROR']);
    expect(levelsWritten({ LOG_LEVEL: 'WARN' })).toEqual(['WARN', 'ERROR']);
    expect(levelsWritten({ POWERTOOLS_LOG_LEVEL: 'DEBUG', AWS_LAMBDA_LOG_LEVEL: 'WARN' })).toEqual(['WARN', 'ERROR']);
    expect(levelsWritten({ POWERTOOLS_LOG_LEVEL: 'ERROR', AWS_LAMBDA_LOG_LEVEL: 'DEBUG' })).toEqual(['ERROR']);
    expect(levelsWritten({ POWERTOOLS_LOG_LEVEL: 'SILENT' })).toEqual([]);
  });

  it('sends warnings and errors to stderr, the rest to stdout', () => {
    const log = new Logger('svc', { POWERTOOLS_LOG_LEVEL: 'DEBUG' });
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(out.map((l) => JSON.parse(l).message)).toEqual(['d', 'i']);
    expect(err.map((l) => JSON.parse(l).message)).toEqual(['w', 'e']);
  });

  it('writes an error as its name, message, stack and cause', () => {
    const cause = new RangeError('inner');
    const e = new TypeError('outer', { cause });
    new Logger('svc', {}).error('failed', { error: e });
    const { error } = JSON.parse(err[0]!);
    expect(error).toMatchObject({ name: 'TypeError', message: 'outer', cause: { name: 'RangeError', message: 'inner' } });
    expect(error.stack).toBe(e.stack);
  });

  it('survives a cycle and a bigint', () => {
    const a: Record<string, unknown> = { id: 'a' };
    a.self = a;
    new Logger('svc', {}).info('odd', { a, n: 12n });
    expect(JSON.parse(out[0]!)).toMatchObject({ a: { id: 'a', self: '[Circular]' }, n: '12' });
  });

  it('carries the X-Ray trace id of the invocation', () => {
    process.env._X_AMZN_TRACE_ID = 'Root=1-67a0c1d2-0123456789abcdef01234567;Parent=a1b2c3d4e5f60718;Sampled=1';
    new Logger('svc', {}).info('traced');
    expect(JSON.parse(out[0]!).xray_trace_id).toBe('1-67a0c1d2-0123456789abcdef01234567');
  });
});

describe('metrics', () => {
  it('a count is one embedded-metric-format line: the Docketwatch namespace, by service', () => {
    const line = emfLine('Intakes', 1, 1_796_000_000_000);
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      _aws: { Timestamp: 1_796_000_000_000, CloudWatchMetrics: [{ Namespace: 'Docketwatch', Dimensions: [['service']], Metrics: [{ Name: 'Intakes', Unit: 'Count' }] }] },
      service: 'docketwatch',
      Intakes: 1,
    });
  });
});
