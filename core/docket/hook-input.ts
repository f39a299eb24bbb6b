/** The settings of a matter's CourtListener webhook URL, as an administrator creates it. */
import * as v from 'valibot';
import { closed, flag, oneOf, optionalCount } from '../schema';

/** A new webhook URL: which docket, whose side, whether the United States is a party, which court. */
export const HookBody = closed({
  docketId: optionalCount({ min: 1, max: Number.MAX_SAFE_INTEGER, integer: 'must be a whole number (CourtListener docket id)', description: "CourtListener's docket id; entries of another docket are kept as unrecognised" }),
  side: v.optional(oneOf(['plaintiffs', 'defendants']), 'plaintiffs'),
  usParty: v.optional(flag(), true),
  court: v.optional(oneOf(['DDC', 'CADC']), 'DDC'),
});
