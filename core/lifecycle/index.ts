/**
 * The lifecycle of a tracked item: its phases (one table), the events it accepts, what each
 * event does, and what its workflow does next.
 */
export { FAMILY, INITIAL_PHASE, PHASES, PHASE_STATES, FILING_PHASES, NOTICE_PHASES, PRODUCTION_PHASES, RECORD_REQUEST_PHASES, phaseLabel, phaseState, type Family, type Phase } from './phases';
export { EVENT_FIELD_VALUES, EVENT_TYPES, EventInvalidError, eventTypesFor, parseEvent, PUBLIC_EVENTS, type ValidEvent } from './events';
export { EventRejectedError, type EventContext } from './draft';
export { applyEvent } from './apply';
export { EVENT_LABELS } from './labels';
export { HANDOVER_AFTER_DAYS, nextGeneration, nextStep, type NextStep } from './next-step';
