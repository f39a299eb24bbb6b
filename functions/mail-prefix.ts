/** The key prefix SES receiving writes each message under: inbound/<SES message id>. */
export const MAIL_OBJECT_PREFIX = 'inbound/';
