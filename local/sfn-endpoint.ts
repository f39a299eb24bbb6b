/**
 * A Step Functions API endpoint (AWS JSON 1.0) in front of the local runner, so the handlers'
 * SDK client reaches it through AWS_ENDPOINT_URL_SFN exactly as it reaches AWS.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalWorkflowError, type LocalWorkflows } from './workflows';
import { readBody } from './body';

/** Step Functions refuses requests over 256 KB (a task output's limit); so does this endpoint. */
const MAX_REQUEST_BYTES = 256 * 1024;

const epoch = (d: Date | undefined) => (d ? d.getTime() / 1000 : undefined);

export async function startSfnEndpoint(workflows: LocalWorkflows): Promise<{ endpoint: string; close(): Promise<void> }> {
  const operations: Record<string, (body: Record<string, string>) => unknown> = {
    StartExecution: (b) => {
      const e = workflows.start(b.stateMachineArn ?? '', b.name ?? crypto.randomUUID(), b.input ?? '{}');
      return { executionArn: e.arn, startDate: epoch(e.startDate) };
    },
    SendTaskSuccess: (b) => (workflows.sendTaskSuccess(b.taskToken ?? '', b.output ?? 'null'), {}),
    SendTaskFailure: (b) => (workflows.sendTaskFailure(b.taskToken ?? '', b.error, b.cause), {}),
    SendTaskHeartbeat: () => ({}),
    DescribeExecution: (b) => {
      const e = workflows.describe(b.executionArn ?? '');
      return {
        executionArn: e.arn,
        stateMachineArn: e.stateMachineArn,
        name: e.name,
        status: e.status,
        startDate: epoch(e.startDate),
        stopDate: epoch(e.stopDate),
        input: e.input,
        output: e.output,
        error: e.error,
        cause: e.cause,
      };
    },
    DescribeStateMachine: (b) => {
      const sm = workflows.machines.get(b.stateMachineArn ?? '');
      if (!sm) throw new LocalWorkflowError('StateMachineDoesNotExist', `No state machine ${b.stateMachineArn}`);
      return {
        stateMachineArn: sm.arn,
        name: sm.name,
        status: 'ACTIVE',
        type: 'STANDARD',
        definition: JSON.stringify(sm.definition),
        roleArn: 'arn:aws:iam::000000000000:role/local',
        creationDate: 0,
      };
    },
  };

  const server: Server = createServer((req, res) => {
    void readBody(req, MAX_REQUEST_BYTES).then((raw) => {
      const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      };
      try {
        const fn = operations[op];
        if (!fn) return send(400, { __type: 'UnknownOperationException', message: `Local runner does not implement ${op}` });
        if (!raw) return send(400, { __type: 'ValidationException', message: `The request is larger than ${MAX_REQUEST_BYTES} bytes` });
        send(200, fn(JSON.parse(raw.toString('utf8') || '{}')));
      } catch (err) {
        const code = err instanceof LocalWorkflowError ? err.code : 'InternalFailure';
        send(code === 'InternalFailure' ? 500 : 400, { __type: code, message: (err as Error).message });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
