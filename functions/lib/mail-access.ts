/**
 * Which mail a member sees (matters are a boundary). A message or proposal a matter claims is
 * that matter's. One that names candidate requests of several matters is seen by the members of
 * a candidate's matter: the letter's words are about one of those requests. One that names none
 * reveals no matter: it is the whole team's to sort. Whoever sees one sees only the candidates
 * they may open (a proposal confirmed on one matter's request still lists the others').
 */
import { getItems } from './item-store';

export interface MatchedMail {
  matterId?: string;
  candidates?: string[];
  candidateMatters?: Record<string, string>;
  why?: string;
}

/** Said instead of the matcher's reason when some candidates are left out: it counts them all. */
const SOME_CANDIDATES_WHY = 'no request is certain: pick the request';

/** Records stored before each candidate's matter was kept: the matters read from the items. */
async function withCandidateMatters<T extends MatchedMail>(records: readonly T[]): Promise<T[]> {
  const unknown = (r: T) => !!r.candidates?.length && !r.candidateMatters;
  const ids = [...new Set(records.filter(unknown).flatMap((r) => r.candidates!))];
  if (ids.length === 0) return [...records];
  const items = await getItems(ids);
  return records.map((r) => (unknown(r) ? { ...r, candidateMatters: Object.fromEntries(r.candidates!.flatMap((c) => (items.has(c) ? [[c, items.get(c)!.matterId]] : []))) } : r));
}

/**
 * The records a member of `matterIds` may see, each as they may see it (candidates outside their
 * matters left out, no candidate matters). For answers only: never write these copies back.
 */
export async function mailSeenBy<T extends MatchedMail>(records: readonly T[], matterIds: ReadonlySet<string>): Promise<T[]> {
  const seen: T[] = [];
  for (const r of await withCandidateMatters(records)) {
    const { candidateMatters, ...view } = r;
    const mine = r.candidates?.filter((c) => matterIds.has(candidateMatters?.[c] ?? ''));
    const visible = r.matterId ? matterIds.has(r.matterId) : !r.candidates?.length || !!mine?.length;
    if (!visible) continue;
    const fewer = !!r.candidates && mine!.length < r.candidates.length;
    seen.push((r.candidates ? { ...view, candidates: mine, ...(fewer && r.why !== undefined ? { why: SOME_CANDIDATES_WHY } : {}) } : view) as T);
  }
  return seen;
}
