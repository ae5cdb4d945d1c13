/** What a provider gets to send: one outbox row, already claimed by this process. */
export interface OutgoingMessage {
  id: number;
  recipient: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  unsubscribeUrl: string | null;
}

/**
 * A channel's delivery provider. `send` resolves only once the provider accepted the message;
 * any rejection or network failure throws, and the delivery job retries.
 */
export interface MessageProvider {
  send(message: OutgoingMessage): Promise<void>;
}

/** The providers configured for this install; a missing one means "not sent", never "sent". */
export interface MessageProviders {
  email?: MessageProvider;
  sms?: MessageProvider;
}
