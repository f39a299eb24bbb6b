/**
 * The AWS API actions each function's code calls, and so all its role may do besides logs and
 * the key: least privilege per function, not per access mode. test/infra/iam-calls.test.ts
 * finds the calls in each bundle (every `new XCommand(`) and holds this table, and the roles
 * synthesized from it, equal to them: a grant with no caller fails, and so does a call with no
 * grant. TransactWriteItems is authorised by the per-item actions of what it writes.
 */
import { JOB_TASK_ENTRY, MAIL_RECEIVE_ENTRY, SWEEP_ENTRY, WORKFLOW_TASK_ENTRY } from '../functions/routes';

export type DynamoAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:ConditionCheckItem'
  | 'dynamodb:DescribeTable';
export type StatesAction = 'states:StartExecution' | 'states:SendTaskSuccess' | 'states:DescribeStateMachine';
export type Action = DynamoAction | StatesAction | 'ses:SendEmail' | 's3:GetObject';

const READ_ITEM = ['dynamodb:GetItem', 'dynamodb:Query'] as const;
const START = 'states:StartExecution';

export const ENTRY_ACTIONS: Record<string, readonly Action[]> = {
  health: ['dynamodb:DescribeTable', 'states:DescribeStateMachine'],
  openapi: [],
  intake: [...READ_ITEM, 'dynamodb:PutItem', 'dynamodb:UpdateItem', START],
  track: [...READ_ITEM],
  matters: [...READ_ITEM, 'dynamodb:PutItem'],
  'create-item': [...READ_ITEM, 'dynamodb:PutItem', 'dynamodb:UpdateItem', START],
  'get-item': [...READ_ITEM],
  'record-event': [...READ_ITEM, 'dynamodb:PutItem', 'states:SendTaskSuccess'],
  deadlines: ['dynamodb:Query', 'dynamodb:BatchGetItem'],
  notifications: [...READ_ITEM],
  'calendar-feed': [...READ_ITEM, 'dynamodb:BatchGetItem'],
  feeds: [...READ_ITEM, 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  export: ['dynamodb:Query'],
  'trigger-sets': ['dynamodb:Query'],
  'docket-hook': [...READ_ITEM, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  'docket-hooks': [...READ_ITEM, 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  proposals: [...READ_ITEM],
  'proposal-decide': [...READ_ITEM, 'dynamodb:PutItem', 'dynamodb:UpdateItem', START, 'states:SendTaskSuccess'],
  // Its Step Functions call starts a run of the job machine (infra/stack.ts grants it there).
  'calendar-days': ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', START],
  jobs: [...READ_ITEM, 'dynamodb:UpdateItem', START],
  // Mail in: a notice goes on to the docket intake (its chain's writes), a letter to the mailbox.
  // BatchGetItem: the candidates' matters of mail stored before they were kept with it.
  'inbound-email': [...READ_ITEM, 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  'mail-proposals': [...READ_ITEM, 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'states:SendTaskSuccess'],
  [MAIL_RECEIVE_ENTRY]: [...READ_ITEM, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 's3:GetObject'],
  [SWEEP_ENTRY]: [...READ_ITEM, 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', START, 'ses:SendEmail'],
  [WORKFLOW_TASK_ENTRY]: [...READ_ITEM, 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  [JOB_TASK_ENTRY]: [...READ_ITEM, 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'states:SendTaskSuccess'],
};

export function actionsOf(entry: string): readonly Action[] {
  const actions = ENTRY_ACTIONS[entry];
  if (!actions) throw new Error(`infra/permissions.ts declares no actions for the entry "${entry}"`);
  return actions;
}

export const dynamoActionsOf = (entry: string) => actionsOf(entry).filter((a): a is DynamoAction => a.startsWith('dynamodb:'));
export const statesActionsOf = (entry: string) => actionsOf(entry).filter((a): a is StatesAction => a.startsWith('states:'));
