import { deriveSurveyToken, hashSurveyToken } from '../domain/invitations/survey-token';
import type { Random } from './random';

/**
 * Nonces and token hashes for demo invitations. With the install's secret an open invitation's
 * token is derived exactly as the dispatcher derives it (so its reminder and the link work); the
 * tokens of answered and expired ones are seeded random, their links lead nowhere new. The five
 * most recent open links of one team (teamleider@'s) are kept for trying the tenant's page.
 */
export class DemoSurveyTokens {
  readonly tryLinks: { invitationId: number; token: string }[] = [];

  constructor(
    private readonly random: Random,
    private readonly secret: string | undefined,
    private readonly linkTeamId: number,
  ) {}

  issue(invitationId: number, open: boolean, teamId: number) {
    const nonce = randomBase64url(this.random, 16);
    const real = open && this.secret !== undefined;
    const token = real
      ? deriveSurveyToken(this.secret!, invitationId, nonce)
      : randomBase64url(this.random, 24);
    if (real && teamId === this.linkTeamId) {
      this.tryLinks.push({ invitationId, token });
      if (this.tryLinks.length > 5) this.tryLinks.shift();
    }
    return { nonce, hash: hashSurveyToken(token) };
  }
}

/** seeded bytes as base64url */
function randomBase64url(random: Random, bytes: number) {
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4) buffer.writeUInt32LE(Math.floor(random.next() * 2 ** 32), i);
  return buffer.toString('base64url');
}
