/**
 * `npm start`: the whole system on this machine until Ctrl-C. Run as `node --import tsx`, not
 * through the tsx CLI: the CLI relays Ctrl-C and SIGKILLs a child that does not acknowledge it
 * within 30 ms, which a busy start-up can miss, leaving DynamoDB Local's Java process behind.
 */
import { startLocal } from './runtime';

const started = Date.now();
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

const smtpPort = Number(process.env.SMTP_PORT ?? 2525);
if (!Number.isInteger(smtpPort) || smtpPort < 0 || smtpPort > 65535) {
  console.error(`SMTP_PORT must be a port number, got ${process.env.SMTP_PORT}`);
  process.exit(2);
}

const mailIntake = process.env.MAIL_INTAKE;
if (mailIntake !== undefined && !/^[^\s@<>]+@[^\s@<>]+$/.test(mailIntake)) {
  console.error(`MAIL_INTAKE must be one e-mail address, got ${mailIntake}`);
  process.exit(2);
}

const stack = await startLocal({
  port,
  ...(process.env.DATA_DIR ? { dataDir: process.env.DATA_DIR } : {}),
  ...(process.env.CLOCK_START ? { clockStart: process.env.CLOCK_START } : {}),
  // 0 picks a free port (tests that run several stacks at once).
  smtpPort,
  // Mail to this address over SMTP is read as forwarded court notices and agency letters.
  ...(mailIntake ? { mailIntake } : {}),
  // Milliseconds between reminder sweeps (default a minute); 0 turns the timer off.
  ...(process.env.SWEEP_INTERVAL_MS !== undefined ? { sweepIntervalMs: Number(process.env.SWEEP_INTERVAL_MS) } : {}),
});
console.log(
  [
    `Docketwatch is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s on Node ${process.version}).`,
    `  Web:        ${stack.url}/  (intake form), ${stack.url}/track/<code>`,
    `  API:        ${stack.url}/api/health`,
    `  DynamoDB:   ${stack.dynamoEndpoint} (DynamoDB Local, data in ${stack.dataDir}/dynamodb)`,
    `  Workflows:  ${[...stack.workflows.machines.values()].map((m) => m.name).join(', ')} on the local ASL runner`,
    `  Mail:       ${stack.mail.url} (embedded SMTP; every message sent is kept in ${stack.mail.sentDir})`,
    `  Mail in:    to ${stack.mail.intakeAddress} over SMTP, or a file in ${stack.dataDir}/mail/inbox/ (read as court notices and agency letters)`,
    `  Clock:      ${process.env.CLOCK_START ? `started at ${process.env.CLOCK_START}` : 'system time'}`,
    `  Team token (also in ${stack.dataDir}/team.jwt):`,
    `  ${stack.teamToken}`,
    'Press Ctrl-C to stop.',
  ].join('\n'),
);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  stack.stop().then(
    () => process.exit(0),
    (err: Error) => {
      console.error(`shutdown failed: ${err.message}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
