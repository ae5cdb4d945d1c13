/** What an erased tenant's row and messages show instead of their personal data. */
export const ERASED_TENANT_NAME = 'Gewiste huurder';
export const ERASED_RECIPIENT = '[gewist]';

/** What a message to an erased tenant (or one older than the retention period) keeps of its content. */
export const CLEARED_MESSAGE_CONTENT = {
  recipient: ERASED_RECIPIENT,
  subject: null,
  bodyText: '',
  bodyHtml: null,
  unsubscribeUrl: null,
} as const;
