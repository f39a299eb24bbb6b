/**
 * The committed state machine is the generator's output: what repeats in it (the phase Choice,
 * one wait state per phase) comes from the phase table, never from a hand edit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../core/lifecycle/phases';
import { CHOICE, lifecycleAslText, lifecycleDefinition } from '../../core/lifecycle/state-machine';

const FILE = join(import.meta.dirname, '../../statemachines/item-lifecycle.asl.json');

describe('statemachines/item-lifecycle.asl.json', () => {
  it('is exactly what the generator writes from the phase table (run npm run generate:asl after a change)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(lifecycleAslText());
  });

  it('has one wait state per waiting phase, routed by the phase Choice, and none for a terminal phase', () => {
    const def = lifecycleDefinition();
    const states = def.States as Record<string, { Type: string; Comment?: string; Choices?: { StringEquals?: string; Next: string }[] }>;
    const routes = (states[CHOICE]!.Choices ?? []).filter((c) => c.StringEquals).map((c) => [c.StringEquals, c.Next]);
    const waiting = PHASES.filter((p) => p.state);
    expect(routes).toEqual(waiting.map((p) => [`${p.family}.${p.phase}`, p.state]));
    for (const p of waiting) {
      expect(states[p.state!]?.Type, p.phase).toBe('Task');
      expect(states[p.state!]?.Comment, p.phase).toBe(`Waits for ${p.waitsFor}.`);
    }
    // closed and litigation end the run: no state waits in them.
    expect(PHASES.filter((p) => !p.state).map((p) => p.phase).sort()).toEqual(['closed', 'closed', 'closed', 'closed', 'litigation']);
  });

  it('routes a step without a phase (a wake that carried no next step) back to the table', () => {
    const choices = (lifecycleDefinition().States[CHOICE] as { Choices: Record<string, unknown>[] }).Choices;
    expect(choices[0]).toEqual({ Not: { Variable: '$.step.next.phaseState', IsPresent: true }, Next: 'Sync phase from table' });
  });
});
