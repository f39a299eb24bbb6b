/** What a received message was read as, and the way it came in (the API, the drop folder, the local SMTP server, SES). */
export const MAIL_KINDS = ['nef', 'letter', 'unrecognised'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const MAIL_VIAS = ['api', 'inbox', 'smtp', 'ses'] as const;
export type MailVia = (typeof MAIL_VIAS)[number];
/** A letter's proposal, as a docket proposal: waiting, being recorded, or decided. */
export const LETTER_PROPOSAL_STATUSES = ['pending', 'confirming', 'confirmed', 'dismissed'] as const;
export type LetterProposalStatus = (typeof LETTER_PROPOSAL_STATUSES)[number];

/** SES receiving takes messages up to 40 MB; a letter with its PDF is far below this. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** A letter has a body and an attachment or two; thousands of parts are an attack on the parser. */
export const MAX_PARTS = 100;
export const MAX_MULTIPARTS = 12;
