import type { Db } from '../../db/client';
import type { MessageProviders } from './providers';
import { createHttpSmsGateway } from './sms-gateway';
import { createSmtpProvider } from './smtp-provider';

/** The providers this install's configuration names: SMTP_URL for e-mail, SMS_URL for SMS. */
export function configuredProviders(opts: {
  db: Db;
  config: { SMTP_URL?: string; MAIL_FROM?: string; SMS_URL?: string; SMS_TOKEN?: string };
}): MessageProviders {
  const { db, config } = opts;
  return {
    email: config.SMTP_URL
      ? createSmtpProvider({ db, smtpUrl: config.SMTP_URL, mailFrom: config.MAIL_FROM })
      : undefined,
    sms: config.SMS_URL
      ? createHttpSmsGateway({ smsUrl: config.SMS_URL, token: config.SMS_TOKEN })
      : undefined,
  };
}
