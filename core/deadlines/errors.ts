/** Bad input to the engine: an unknown rule, a malformed date, an invalid parameter. */
export class DeadlineInputError extends Error {
  override readonly name = 'DeadlineInputError';
  /** The request field at fault: `rule`, `trigger`, `params.days`, `params.tolling[1].type`... */
  readonly field?: string;
  /** The message without the field prefix. */
  readonly reason: string;

  constructor(reason: string, field?: string) {
    super(field ? `${field}: ${reason}` : reason);
    this.reason = reason;
    if (field !== undefined) this.field = field;
  }
}
