/**
 * Commits a change a test prepared by hand, through the one write path. The change was computed
 * from a read the test just made, so a version conflict means the test raced itself: it fails.
 */
import type { ItemChange } from '../../core/changes';

export async function commitPrepared(c: ItemChange): Promise<void> {
  const { updateItem } = await import('../../functions/lib/item-store');
  let tries = 0;
  await updateItem(c.item.id, () => {
    if (tries++ > 0) throw new Error(`item ${c.item.id} changed under the test's prepared change`);
    return c;
  });
}
