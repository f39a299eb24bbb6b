/**
 * The draft of a change to one item while an event is applied: the transitions say what the
 * event does (meet, add, supersede, close) and the draft turns it into one `ItemChange` that the
 * store commits as one transaction.
 */
import type { Calendar } from '../calendar';
import { change, type ItemChange } from '../changes';
import type { DeadlineRequest } from '../deadlines';
import type { NewEvent } from '../events';
import { newDeadline } from '../items';
import type { Deadline, FoiaClock, TrackedItem } from '../model';
import { PUBLIC_EVENTS, type ValidEvent } from './events';

import { EventRejectedError } from './errors';

export { EventRejectedError };

export interface EventContext {
  now: Date;
  recordedBy: string;
  newDeadlineId: () => string;
  calendar?: Calendar;
}

export const RESPONSE = 'foia.response';

export class Draft {
  readonly patch: Partial<TrackedItem> = {};
  private readonly touched = new Map<string, Deadline>();
  note?: string;

  constructor(
    readonly item: TrackedItem,
    readonly deadlines: readonly Deadline[],
    readonly ev: ValidEvent,
    readonly ctx: EventContext,
  ) {}

  reject(reason: string): never {
    throw new EventRejectedError(reason);
  }

  allow(phases: string[], reason: string): void {
    if (!phases.includes(this.item.phase)) this.reject(`${reason} (the item is ${this.item.phase.replace(/_/g, ' ')})`);
  }

  private current(): Deadline[] {
    return [...this.deadlines.map((x) => this.touched.get(x.id) ?? x), ...[...this.touched.values()].filter((x) => !this.deadlines.some((y) => y.id === x.id))];
  }

  /** The open deadline of a rule (by id prefix), soonest first. */
  open(rulePrefix: string): Deadline | undefined {
    return this.current()
      .filter((x) => x.status === 'open' && x.rule.startsWith(rulePrefix))
      .sort((a, b) => a.dueInstant.localeCompare(b.dueInstant))[0];
  }

  openAny(): Deadline | undefined {
    return this.open('');
  }

  private closeDeadline(x: Deadline, status: 'met' | 'superseded', extra: Partial<Deadline> = {}): Deadline {
    const closed = { ...x, ...extra, status, version: x.version + 1, closedAt: this.ev.at };
    this.touched.set(x.id, closed);
    return closed;
  }

  meet(x: Deadline): void {
    this.closeDeadline(x, 'met');
  }

  /** A missed deadline filed after all: still missed, but no longer waiting for its filing. */
  fileLate(x: Deadline): void {
    this.touched.set(x.id, { ...x, filedLateAt: this.ev.at, version: x.version + 1 });
  }

  add(req: DeadlineRequest & { label?: string; link?: string }, supersedes?: Deadline): Deadline {
    const { label, link, ...request } = req;
    const created = newDeadline(this.item.id, request, this.ctx.newDeadlineId(), this.ctx.calendar);
    const full: Deadline = { ...created, ...(label ? { label } : {}), ...(link ? { link } : {}), ...(supersedes ? { supersedes: supersedes.id } : {}) };
    this.touched.set(full.id, full);
    return full;
  }

  /** Replaces a deadline by a recomputed one (or by none while a clock is stopped). */
  supersede(old: Deadline, replacement?: DeadlineRequest & { label?: string; link?: string }): void {
    if (!replacement) {
      this.closeDeadline(old, 'superseded');
      return;
    }
    const next = this.add(replacement, old);
    this.closeDeadline(old, 'superseded', { supersededBy: next.id });
  }

  recomputeResponse(clock: FoiaClock, previous?: Deadline): void {
    const open = this.open(RESPONSE);
    const req = responseRequest(this.item, clock);
    const old = open ?? previous;
    if (open) this.supersede(open, req);
    else this.add(req, old);
  }

  /** Closes the item: every open deadline is superseded, the workflow ends. */
  close(phase: string): void {
    for (const x of this.current()) if (x.status === 'open') this.closeDeadline(x, 'superseded');
    this.patch.phase = phase;
    this.patch.status = 'closed';
  }

  toChange(): ItemChange {
    const event: NewEvent = {
      itemId: this.item.id,
      type: this.ev.type,
      at: this.ev.at,
      recordedAt: this.ctx.now.toISOString(),
      recordedBy: this.ctx.recordedBy,
      public: PUBLIC_EVENTS.has(this.ev.type),
      data: { ...this.ev.data, ...(this.note ? { note: this.note } : {}) },
    };
    return change(this.item, this.patch, [...this.touched.values()], [event]);
  }
}

function responseRequest(item: TrackedItem, clock: FoiaClock): DeadlineRequest {
  const tolling = clock.tolling.filter((t) => t.requester_response_received);
  return {
    rule: clock.extensionWorkingDays ? 'foia.response+unusual' : 'foia.response',
    trigger: clock.receivedAt,
    params: {
      ...agencyParam(item),
      ...(clock.extensionWorkingDays ? { extension_working_days: clock.extensionWorkingDays } : {}),
      ...(tolling.length ? { tolling } : {}),
      ...(clock.firstReceivedByDesignatedComponent ? { first_received_by_designated_component: clock.firstReceivedByDesignatedComponent } : {}),
    },
  };
}

export const agencyParam = (item: TrackedItem) => (item.agency ? { agency: item.agency } : {});
