/** Proposals from the docket and what became of them: listed per matter, decided once. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ProposalEdit, ProposalStatus, StoredProposal } from '../../core/docket/queue';
import { ddb } from './clients';
import { queryAll, TableName } from './db';
import { decided, putDecision } from './decisions';
import { docketPk, fromRecord, PROPOSAL_SK_PREFIX, proposalPointerKey, proposalSk } from './keys';

/** A matter's proposals, newest first. */
export async function proposalsOfMatter(matterId: string): Promise<StoredProposal[]> {
  const records = await queryAll({
    TableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
    ExpressionAttributeValues: { ':pk': docketPk(matterId), ':p': PROPOSAL_SK_PREFIX },
    ScanIndexForward: false,
    ConsistentRead: true,
  });
  return records.map((r) => fromRecord<StoredProposal>(r));
}

export async function getProposal(id: string): Promise<StoredProposal | undefined> {
  const { Item: pointer } = await ddb.send(new GetCommand({ TableName, Key: proposalPointerKey(id) }));
  if (!pointer) return undefined;
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: docketPk(String(pointer.matterId)), SK: proposalSk(id) }, ConsistentRead: true }));
  return Item ? fromRecord<StoredProposal>(Item) : undefined;
}

/** Moves a proposal from one status to the next; VersionConflictError when someone decided first. */
export async function decideProposal(
  p: StoredProposal,
  to: ProposalStatus,
  fields: { at: Date; by: string; reason?: string; itemId?: string; edit?: ProposalEdit },
): Promise<StoredProposal> {
  const next: StoredProposal = { ...decided(p, to, fields), ...(fields.edit && Object.keys(fields.edit).length ? { edit: fields.edit } : {}) };
  await putDecision({ ...next, PK: docketPk(p.matterId), SK: proposalSk(p.id) }, p);
  return next;
}
