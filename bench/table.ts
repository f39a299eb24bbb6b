/**
 * What the table benchmarks share: a count of the records DynamoDB returns to the adapters
 * (Query: ScannedCount; GetItem: 1; BatchGetItem: its responses) and a parallel BatchWrite loader.
 */
import { BatchWriteCommand, type BatchWriteCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Counts records read through `ddb` from now on; `reset()` answers the count so far and starts again. */
export function countReads(ddb: DynamoDBDocumentClient): { reset(): number } {
  let read = 0;
  // The document client runs on the base client's middleware stack: commands carry both names.
  ddb.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const o = out.output as { ScannedCount?: number; Item?: unknown; Responses?: Record<string, unknown[]> };
      const name = context.commandName ?? '';
      if (name === 'QueryCommand') read += o.ScannedCount ?? 0;
      else if (name === 'GetCommand' || name === 'GetItemCommand') read += o.Item ? 1 : 0;
      else if (name === 'BatchGetCommand' || name === 'BatchGetItemCommand') read += Object.values(o.Responses ?? {}).reduce((n, r) => n + r.length, 0);
      return out;
    },
    { step: 'initialize', name: 'benchReadCounter' },
  );
  return {
    reset() {
      const n = read;
      read = 0;
      return n;
    },
  };
}

/** Writes records 25 at a time, `concurrency` calls at once, asking again for unprocessed ones. */
export async function batchWrite(ddb: DynamoDBDocumentClient, tableName: string, records: Record<string, unknown>[], concurrency = 12): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < records.length; i += 25) chunks.push(records.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending: unknown[] | undefined = chunks[next++]!.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
        const res: BatchWriteCommandOutput = await ddb.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
        pending = res.UnprocessedItems?.[tableName];
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** A right-aligned text table. */
export function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
