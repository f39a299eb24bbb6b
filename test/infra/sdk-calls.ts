/**
 * What AWS API calls a function's code can make, found statically: esbuild bundles its entry
 * as CDK does (ESM, `module` before `main`, tree-shaken), and in the bundle's sections that come
 * from this project (esbuild heads each with a `// functions/...` comment) every
 * `new XCommand(` is a call. TransactWriteItems needs the per-item actions of the items it
 * writes, read from the `Put:`, `Update:`, `Delete:` and `ConditionCheck:` keys beside it.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { FUNCTIONS_DIR, PROJECT_ROOT } from '../../infra/constructs/function';

/** SDK command (lib-dynamodb or client) → the IAM action it needs. */
const ACTION_OF: Record<string, string> = {
  GetCommand: 'dynamodb:GetItem',
  GetItemCommand: 'dynamodb:GetItem',
  PutCommand: 'dynamodb:PutItem',
  PutItemCommand: 'dynamodb:PutItem',
  UpdateCommand: 'dynamodb:UpdateItem',
  UpdateItemCommand: 'dynamodb:UpdateItem',
  DeleteCommand: 'dynamodb:DeleteItem',
  DeleteItemCommand: 'dynamodb:DeleteItem',
  QueryCommand: 'dynamodb:Query',
  ScanCommand: 'dynamodb:Scan',
  BatchGetCommand: 'dynamodb:BatchGetItem',
  BatchGetItemCommand: 'dynamodb:BatchGetItem',
  BatchWriteCommand: 'dynamodb:BatchWriteItem',
  BatchWriteItemCommand: 'dynamodb:BatchWriteItem',
  TransactGetCommand: 'dynamodb:GetItem',
  DescribeTableCommand: 'dynamodb:DescribeTable',
  StartExecutionCommand: 'states:StartExecution',
  SendTaskSuccessCommand: 'states:SendTaskSuccess',
  SendTaskFailureCommand: 'states:SendTaskFailure',
  SendTaskHeartbeatCommand: 'states:SendTaskHeartbeat',
  DescribeExecutionCommand: 'states:DescribeExecution',
  DescribeStateMachineCommand: 'states:DescribeStateMachine',
  StopExecutionCommand: 'states:StopExecution',
  SendEmailCommand: 'ses:SendEmail',
  GetObjectCommand: 's3:GetObject',
};
const TRANSACT_ITEM_ACTION: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

export interface SdkCalls {
  /** IAM actions the code needs, sorted. */
  actions: string[];
  /** Where each was found: `dynamodb:PutItem` → [`functions/lib/store.ts`]. */
  where: Record<string, string[]>;
}

export async function sdkCallsOf(entry: string): Promise<SdkCalls> {
  const out = await build({
    entryPoints: [path.join(FUNCTIONS_DIR, `${entry}.ts`)],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    treeShaking: true,
    minify: false,
    logLevel: 'silent',
  });
  const text = out.outputFiles[0]!.text;
  // Sections: "// <path>\n<code>" until the next header.
  const headers = [...text.matchAll(/^\/\/ ((?:functions|core)\/[^\n]+\.ts)$/gm)];
  const where: Record<string, Set<string>> = {};
  const found = (action: string, file: string) => (where[action] ??= new Set()).add(file);
  headers.forEach((h, i) => {
    const file = h[1]!;
    const end = text.slice(h.index! + h[0].length).search(/^\/\/ (?:node_modules|functions|core|local)\/[^\n]+$/m);
    const code = end < 0 ? text.slice(h.index! + h[0].length) : text.slice(h.index! + h[0].length, h.index! + h[0].length + end);
    for (const m of code.matchAll(/new ([A-Z]\w*?Command)\d*\(/g)) {
      const name = m[1]!;
      if (name === 'TransactWriteCommand' || name === 'TransactWriteItemsCommand') {
        for (const k of code.matchAll(/\b(Put|Update|Delete|ConditionCheck):\s*\{/g)) found(TRANSACT_ITEM_ACTION[k[1]!]!, file);
        continue;
      }
      const action = ACTION_OF[name];
      if (!action) throw new Error(`${file} sends ${name}: add the IAM action it needs to ACTION_OF in test/infra/sdk-calls.ts`);
      found(action, file);
    }
    void i;
  });
  return {
    actions: Object.keys(where).sort(),
    where: Object.fromEntries(Object.entries(where).map(([a, files]) => [a, [...files].sort()])),
  };
}
