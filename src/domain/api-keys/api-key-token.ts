import { createHash, randomBytes } from 'node:crypto';

/** Keys look like `ak_<8 prefix>_<43 secret>`: 256 random bits; only a SHA-256 hash is stored. */
export function newApiKeyToken() {
  const prefix = randomBytes(6).toString('base64url').slice(0, 8);
  const token = `ak_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: hashApiKey(token) };
}

export const hashApiKey = (token: string) => createHash('sha256').update(token).digest('hex');
