/** What an erased tenant's row and messages show instead of their personal data. */
export const ERASED_TENANT_NAME = 'Gewiste huurder';
export const ERASED_RECIPIENT = '[gewist]';
