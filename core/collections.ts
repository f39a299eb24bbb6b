/** The API's item collections (`/api/<collection>/...`) and the kinds of item each holds. */
import type { ItemKind } from './model';

export type Collection = 'requests' | 'filings' | 'notices' | 'productions';

export const COLLECTION_KINDS: Readonly<Record<Collection, readonly ItemKind[]>> = {
  requests: ['foia', 'privacy_act'],
  filings: ['filing'],
  notices: ['disclosure_notice'],
  productions: ['record_production'],
};

export const COLLECTIONS = Object.keys(COLLECTION_KINDS) as Collection[];

/** The collection of each kind: `/api/<collection>/<id>`. */
export const COLLECTION_OF_KIND = Object.fromEntries(
  COLLECTIONS.flatMap((c) => COLLECTION_KINDS[c].map((kind) => [kind, c])),
) as Record<ItemKind, Collection>;
