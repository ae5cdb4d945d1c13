import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The tenant's link token. It is derived, not stored: HMAC-SHA256 of the install's secret over the
 * invitation id and a random 128-bit nonce, so the reminder can carry the same link while the
 * database holds only the nonce and the token's SHA-256 (a database dump opens no survey).
 * 192 bits, base64url (32 characters).
 */
export function newTokenNonce(): string {
  return randomBytes(16).toString('base64url');
}

export function deriveSurveyToken(secret: string, invitationId: number, nonce: string): string {
  return createHmac('sha256', secret)
    .update(`survey-invitation:${invitationId}:${nonce}`)
    .digest()
    .subarray(0, 24)
    .toString('base64url');
}

export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens are exactly 32 base64url characters; anything else is refused before any lookup. */
export const SURVEY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
