/**
 * The whole system on one machine: DynamoDB Local, the state machines on the local ASL runner
 * behind a Step Functions endpoint, the HTTP server (web pages and API), the local sign-in, the
 * embedded SMTP server notifications are sent to, the reminder timer and the demo matter. `npm start` and the tests both use `startLocal`/`stop`.
 *
 * Handler modules read their configuration at import, so this sets the environment first and
 * imports them afterwards (dynamically), exactly as Lambda would see it.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOB_TASK_ENTRY, ROUTES, SWEEP_ENTRY, WORKFLOW_TASK_ENTRY } from '../functions/routes';
import type { Person } from '../core/model';
import { DEMO_INTAKE_TEAM, DEMO_MATTER, DEMO_USER, seedDemoItems } from './demo';
import { seedDemoDocket } from './demo-docket';
import { ensureTable, LOCAL_AWS_ENV, startDynamo, type LocalDynamo } from './dynamo';
import { LOCAL_AUDIENCE, localIdp } from './idp';
import { startSfnEndpoint } from './sfn-endpoint';
import { sweepRoute } from './sweep-route';
import { fakeContext, startServer } from './server';
import { LocalWorkflows, localStateMachineArn } from './workflows';
import { readBody } from './body';
import { MailRefusedError } from '../functions/lib/errors';
import { intakeMailbox, startMailInbox, type MailInbox } from './mail-inbox';
import { startMailServer, type LocalMailServer } from './mail-server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Open items whose workflows resume together after a restart. */
const RESUME_BATCH = 25;
const ENTRIES = new Set([...ROUTES.map((r) => r.entry), WORKFLOW_TASK_ENTRY, JOB_TASK_ENTRY, SWEEP_ENTRY]);

export interface LocalOptions {
  /** HTTP port; 0 picks a free one. */
  port?: number;
  /** Where data lives (absolute or relative to the project); default `.local`. */
  dataDir?: string;
  /** Keep DynamoDB in memory (tests); default false: data survives restarts. */
  inMemory?: boolean;
  /** Use a DynamoDB that is already running instead of starting one. */
  dynamoEndpoint?: string;
  tableName?: string;
  /** The runtime clock starts at this instant and runs on. */
  clockStart?: string;
  /** Milliseconds between reminder sweeps; 0 turns the timer off. */
  sweepIntervalMs?: number;
  publicRateLimit?: number;
  /** No request logs on stdout. */
  quiet?: boolean;
  /** Leave the demo matter without items (tests that count what they create). */
  noDemoItems?: boolean;
  /** Retry pause (ms) for every workflow state, in tests; default: as the ASL says. */
  retryIntervalMs?: number;
  /**
   * Who public requests go to until filed under a matter: the same setting a deployment passes
   * its functions (INTAKE_TEAM); default the demo team.
   */
  intakeTeam?: readonly Person[];
  /** Port of the embedded SMTP server; 0 (the default) picks a free one. */
  smtpPort?: number;
  /** The address the embedded SMTP server takes mail in for (default intake@docketwatch.local). */
  mailIntake?: string;
}

/** Where forwarded court notices and agency letters go locally: a domain that exists only here. */
export const LOCAL_MAIL_INTAKE = 'intake@docketwatch.local';

export interface LocalStack {
  url: string;
  port: number;
  teamToken: string;
  dataDir: string;
  tableName: string;
  dynamoEndpoint: string;
  workflows: LocalWorkflows;
  /** The drop folder DATA_DIR/mail/inbox/, watched: each file one raw e-mail message. */
  mailInbox: MailInbox;
  /** The embedded SMTP server every notification is sent to; messages kept in `sentDir`. */
  mail: Pick<LocalMailServer, 'url' | 'port' | 'sentDir'> & { intakeAddress: string };
  /** Moves the runtime clock; every workflow wait whose timeout has now passed ends, as on AWS. */
  setClock(iso: string): Promise<void>;
  /** Runs one reminder sweep now. */
  sweep(): Promise<unknown>;
  stop(): Promise<void>;
}

type Handler = (event: unknown, context: Context) => Promise<unknown>;

async function loadHandler(entry: string): Promise<Handler> {
  if (!ENTRIES.has(entry)) throw new Error(`Unknown function entry ${entry}`);
  const mod = (await import(join(ROOT, 'functions', `${entry}.ts`))) as { handler: Handler };
  return mod.handler;
}

export async function startLocal(opts: LocalOptions = {}): Promise<LocalStack> {
  const dataDir = resolve(ROOT, opts.dataDir ?? '.local');
  mkdirSync(dataDir, { recursive: true });
  const tableName = opts.tableName ?? 'docketwatch';
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    cleanups.length = 0;
  };

  try {
    Object.assign(process.env, LOCAL_AWS_ENV, {
      TABLE_NAME: tableName,
      POWERTOOLS_SERVICE_NAME: 'docketwatch-local',
      // No CloudWatch here: embedded metrics would only clutter the console.
      POWERTOOLS_METRICS_DISABLED: 'true',
      ...(opts.quiet ? { POWERTOOLS_LOG_LEVEL: 'SILENT' } : {}),
      ...(opts.clockStart ? { CLOCK_START: opts.clockStart } : {}),
      INTAKE_TEAM: JSON.stringify(opts.intakeTeam ?? DEMO_INTAKE_TEAM),
    });

    // Mail goes out over SMTP to the embedded server, which keeps every message it is given; mail
    // for the intake address goes to the mail intake instead, once the table and clock are ready.
    const intakeAddress = opts.mailIntake ?? LOCAL_MAIL_INTAKE;
    let intakeReady!: (deliver: (raw: Buffer) => Promise<unknown>) => void;
    const intakeDeliver = new Promise<(raw: Buffer) => Promise<unknown>>((resolve) => (intakeReady = resolve));
    const refusalOf = (err: unknown) => (err instanceof MailRefusedError ? { tooLarge: err.tooLarge, reason: err.message } : undefined);
    const mail = await startMailServer({ dataDir, port: opts.smtpPort ?? 0, mailboxes: [intakeMailbox(intakeAddress, async (raw) => (await intakeDeliver)(raw), refusalOf)] });
    cleanups.push(() => mail.close());
    Object.assign(process.env, { SMTP_URL: mail.url, MAIL_FROM: 'Docketwatch <notifications@docketwatch.localhost>' });

    let dynamo: LocalDynamo | undefined;
    let dynamoEndpoint = opts.dynamoEndpoint;
    if (!dynamoEndpoint) {
      // Supervised: if it dies, it is started again on the same port and data, and the SDK reconnects.
      const afterRestart = (endpoint: string) => ensureTable(endpoint, tableName).then(() => undefined);
      dynamo = await startDynamo({ ...(opts.inMemory ? {} : { dataDir: join(dataDir, 'dynamodb') }), supervise: true, afterRestart });
      cleanups.push(() => dynamo!.stop());
      dynamoEndpoint = dynamo.endpoint;
    }
    await ensureTable(dynamoEndpoint, tableName);
    process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamoEndpoint;

    // The clock every handler reads; the workflows' timers run on it too.
    const clock = await import('../functions/lib/clock');
    if (opts.clockStart) clock.setClock(opts.clockStart);
    const runTask = async (entry: string, payload: Record<string, unknown>) => (await loadHandler(entry))(payload, fakeContext(entry));
    const workflows = new LocalWorkflows(join(ROOT, 'statemachines'), runTask, [...ENTRIES], opts.retryIntervalMs, clock.now);
    cleanups.push(() => workflows.stop());
    const sfnEndpoint = await startSfnEndpoint(workflows);
    cleanups.push(() => sfnEndpoint.close());
    process.env.AWS_ENDPOINT_URL_SFN = sfnEndpoint.endpoint;
    process.env.STATE_MACHINE_ARN = localStateMachineArn('item-lifecycle');
    process.env.JOB_MACHINE_ARN = localStateMachineArn('calendar-job');

    // The issuer is the server's own URL, known once it listens; tokens are checked lazily.
    let idp: Awaited<ReturnType<typeof localIdp>> | undefined;
    let jwks: ReturnType<typeof createLocalJWKSet> | undefined;
    const verifyJwt = async (token: string) => {
      if (!idp || !jwks) throw new Error('sign-in not ready');
      const { payload } = await jwtVerify(token, jwks, { issuer: idp.issuer, audience: LOCAL_AUDIENCE });
      return payload as Record<string, unknown>;
    };
    const http = await startServer(opts.port ?? 3000, {
      webDir: join(ROOT, 'web'),
      publicRateLimit: opts.publicRateLimit ?? 60,
      invoke: async (entry, event: APIGatewayProxyEventV2, context) => (await loadHandler(entry))(event, context),
      verifyJwt,
      extra: async (req, res, url) => {
        // `npm run remind -- --now <ISO>`: one sweep at that instant, in this process.
        if (await sweepRoute(req, res, url, verifyJwt)) return true;
        if (url.pathname === '/local-idp/.well-known/jwks.json' && idp) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(idp.jwks));
          return true;
        }
        if (url.pathname === '/local-idp/sign-in' && req.method === 'POST' && idp) {
          // Development sign-in: a member of the demo team by email gets the same JWT shape
          // Cognito issues. Deployed, the hosted sign-in (authorization code + PKCE) does this.
          const body = (await readBody(req, 4096))?.toString('utf8') ?? '';
          let email = '';
          try {
            email = String((JSON.parse(body) as { email?: unknown }).email ?? '').trim().toLowerCase();
          } catch {
            /* answered below */
          }
          const member = DEMO_MATTER.team.find((p) => p.email === email);
          res.writeHead(member ? 200 : 401, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          if (!member) {
            res.end(JSON.stringify({ message: 'No team member has that email' }));
            return true;
          }
          const groups = member.id === DEMO_USER.sub ? DEMO_USER.groups : ['team'];
          const token = await idp.issue({ sub: member.id, email: member.email, name: member.name, groups }, 12 * 3600);
          res.end(JSON.stringify({ token, name: member.name, email: member.email, groups }));
          return true;
        }
        return false;
      },
    });
    cleanups.push(() => http.close());
    const url = `http://127.0.0.1:${http.port}`;
    idp = await localIdp(dataDir, `${url}/local-idp`);
    jwks = createLocalJWKSet(idp.jwks);
    Object.assign(process.env, { JWT_ISSUER: idp.issuer, JWT_AUDIENCE: LOCAL_AUDIENCE, PUBLIC_BASE_URL: url });

    const teamToken = await idp.issue(DEMO_USER);
    writeFileSync(join(dataDir, 'team.jwt'), `${teamToken}\n`, { mode: 0o600 });

    const store = await import('../functions/lib/matter-store');
    // First start only: the demo matter and its items. The public-intake matter is not seeded:
    // as deployed, the first public request creates it with the INTAKE_TEAM setting.
    if (await store.putMatterIfAbsent(DEMO_MATTER)) {
      // The docket first: the items, loaded last, start their workflows just before start-up ends.
      if (!opts.noDemoItems) {
        await seedDemoDocket(clock.now());
        await seedDemoItems(clock.now());
      }
    }

    // Executions live in this process: after a restart, every open item gets a fresh one that
    // reads the item from the table and catches up on whatever fell due meanwhile. In the
    // background and a batch at a time, so start-up does not grow with the open items and the
    // table is not asked for all of them at once.
    const lifecycle = localStateMachineArn('item-lifecycle');
    let resuming = true;
    const resumed = (async () => {
      for (const matter of await store.listMatters()) {
        const ids = await store.listOpenItemIds(matter.id);
        for (let i = 0; i < ids.length && resuming; i += RESUME_BATCH) {
          const batch = ids.slice(i, i + RESUME_BATCH).map((id) => workflows.start(lifecycle, id, JSON.stringify({ itemId: id })).name);
          await Promise.allSettled(batch.map((name) => workflows.settled(name, 60_000)));
        }
      }
      // A job that was running ended with the process that ran it: it goes on from its last page.
      const jobStore = await import('../functions/lib/job-store');
      const runs = await import('../functions/lib/job-runs');
      for (const job of await jobStore.listJobs(100)) {
        if (job.status !== 'running' || !resuming) continue;
        const run = await jobStore.reopenJob(job.id);
        if (run !== undefined) await runs.startJobRun(job.id, run, job.resumeFrom);
      }
    })().catch((err: Error) => console.error(`resuming open items failed: ${err.name}`));
    cleanups.push(async () => {
      resuming = false;
      await resumed;
    });

    // Mail dropped as files or sent to the intake address goes through the same intake as
    // POST /api/inbound/email and SES, loaded on first use as handlers are (the logger reads its level at import).
    const deliverMail = (via: 'inbox' | 'smtp') => async (raw: Buffer) => (await import('../functions/lib/mail-intake')).receiveMail({ raw, via, receivedAt: clock.now() });
    intakeReady(deliverMail('smtp'));
    const mailInbox = startMailInbox(dataDir, deliverMail('inbox'), (err) => refusalOf(err) !== undefined);
    cleanups.push(() => mailInbox.stop());

    const sweep = async () => (await loadHandler(SWEEP_ENTRY))({ source: 'local.timer' }, fakeContext(SWEEP_ENTRY));
    const interval = opts.sweepIntervalMs ?? 60_000;
    if (interval > 0) {
      const timer = setInterval(() => void sweep().catch((err: Error) => console.error(`sweep failed: ${err.name}`)), interval);
      timer.unref();
      cleanups.push(async () => clearInterval(timer));
    }

    return {
      url,
      port: http.port,
      teamToken,
      dataDir,
      tableName,
      dynamoEndpoint,
      workflows,
      mailInbox,
      mail: { url: mail.url, port: mail.port, sentDir: mail.sentDir, intakeAddress },
      async setClock(iso) {
        clock.setClock(iso);
        workflows.clockMoved();
      },
      sweep,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
