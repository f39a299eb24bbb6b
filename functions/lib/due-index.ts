/** The due-time index (GSI2): open deadlines by the instant they end, sharded by item. */
import type { Deadline } from '../../core/model';
import { config } from './config';
import { queryAll, TableName } from './db';
import { dueShards, fromRecord, INDEX } from './keys';

/** Open deadlines whose end is before `instant`, across the shards: one Query each. */
export async function openDeadlinesDueBefore(instant: string): Promise<Deadline[]> {
  const pages = await Promise.all(
    dueShards(config.dueShards).map((shard) =>
      queryAll({
        TableName,
        IndexName: INDEX.byDue,
        KeyConditionExpression: 'GSI2PK = :shard AND GSI2SK < :before',
        ExpressionAttributeValues: { ':shard': shard, ':before': instant },
      }),
    ),
  );
  return pages.flat().map((r) => fromRecord<Deadline>(r));
}
