/**
 * The one table's shape: key attributes and indexes. The CDK data construct and the local
 * DynamoDB Local bootstrap both build the table from this object, so keys and indexes have one
 * source. No AWS imports here: CDK and the SDK each translate it.
 */
export const TABLE_DEFINITION = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; idempotency records and reminder ledger entries expire through it. */
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    /** Items of a matter by status; also the list of matters (GSI1PK = MATTERS). */
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK', projection: 'ALL' },
    /** Open deadlines by due instant, sharded across DUE#0..DUE#(n-1). Sparse: met deadlines drop out. */
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK', projection: 'ALL' },
  ],
} as const;

export type IndexName = (typeof TABLE_DEFINITION.indexes)[number]['name'];
