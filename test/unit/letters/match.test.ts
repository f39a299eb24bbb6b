/**
 * Which request a letter is about, and whose it is when a person must pick: the candidates'
 * matters go with them, and candidates that all belong to one matter make the letter that
 * matter's.
 */
import { describe, expect, it } from 'vitest';
import { matchRequest, type LetterFacts, type RequestFacts } from '../../../core/letters/match';

const request = (id: string, matterId: string, over: Partial<RequestFacts> = {}): RequestFacts => ({ id, matterId, status: 'open', agency: 'ICE', receivedAt: '2026-02-20T15:00:00Z', teamEmails: [], ...over });
const letter: LetterFacts = { agency: 'ICE', letterDate: '2026-02-27', receivedOn: '2026-02-24', addresses: ['records@example.net'] };

describe('matchRequest', () => {
  it('a certain match names the request and its matter, and no candidates', () => {
    const m = matchRequest({ ...letter, addresses: ['maria@example.org'] }, [request('A', 'm1', { requesterEmail: 'maria@example.org' }), request('B', 'm2')]);
    expect(m).toEqual({ itemId: 'A', matterId: 'm1', candidates: [], why: 'the only open ICE request of this address, made before the letter' });
  });

  it('candidates of two matters: no matter, each candidate with its own, nearest first', () => {
    const m = matchRequest(letter, [request('A', 'm1'), request('B', 'm2', { receivedAt: '2026-02-23T15:00:00Z' })]);
    expect(m).toEqual({ candidates: ['B', 'A'], candidateMatters: { A: 'm1', B: 'm2' }, why: 'no open ICE request of this address fits: pick the request' });
  });

  it('candidates of one matter: the letter is that matter’s', () => {
    const m = matchRequest(letter, [request('A', 'm1'), request('B', 'm1', { receivedAt: '2026-02-23T15:00:00Z' }), request('C', 'm2', { agency: 'IRS' })]);
    expect(m).toEqual({ matterId: 'm1', candidates: ['B', 'A'], candidateMatters: { A: 'm1', B: 'm1' }, why: 'no open ICE request of this address fits: pick the request' });
  });

  it('two requests with the letter’s tracking number: both candidates, with their matters', () => {
    const m = matchRequest({ ...letter, trackingNumber: '2026-ICFO-1' }, [request('A', 'm1', { trackingNumber: '2026-ICFO-1' }), request('B', 'm2', { trackingNumber: '2026-icfo-1' })]);
    expect(m).toEqual({ candidates: ['A', 'B'], candidateMatters: { A: 'm1', B: 'm2' }, why: '2 requests carry tracking number 2026-ICFO-1' });
  });

  it('nothing fits: no candidates and no matter', () => {
    expect(matchRequest({ ...letter, agency: 'Treasury' }, [request('A', 'm1')])).toEqual({ candidates: [], why: 'no open Treasury request fits the letter' });
  });
});
