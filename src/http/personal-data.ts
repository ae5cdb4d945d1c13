import type { FastifyInstance, onSendHookHandler, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer carries personal data: about a tenant (name, contact, the home they live in with
     * its jobs, responses, messages to them), or anyone's e-mail address, phone number or IP
     * address. Such answers are sent with `Cache-Control: no-store`, so no browser or proxy keeps
     * them on disk (a shared PC in a site office, a phone left in a van).
     */
    personalData?: boolean;
  }
}

/** Route `config` for an answer with personal data: `{ config: personalData, schema, … }`. */
export const personalData = { personalData: true } as const;

const sendNoStore: onSendHookHandler = (_request, reply, payload, done) => {
  reply.header('cache-control', 'no-store');
  done(null, payload);
};

/**
 * Gives every route registered after this (in this instance and the plugins it registers) that says
 * `config.personalData` an onSend hook of its own: errors from such a route are covered too, and
 * other routes pay nothing per request.
 */
export function sendPersonalDataUncached(app: FastifyInstance) {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.config?.personalData) return;
    const own = route.onSend ? [route.onSend].flat() : [];
    route.onSend = [...own, sendNoStore];
  });
}
