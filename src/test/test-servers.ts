import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on a free port; `refuse` makes it reject every message with a 4xx/5xx answer;
 * `onMail` sees every accepted message (the browser journeys write them to a folder).
 */
export async function startTestSmtpServer(
  opts: { refuse?: string; onMail?: (mail: ReceivedMail) => void } = {},
) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (opts.refuse) {
          const err = new Error(opts.refuse) as Error & { responseCode: number };
          err.responseCode = 554;
          return callback(err);
        }
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(mail);
        opts.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedSms {
  authorization?: string;
  body: unknown;
}

/** An HTTP SMS gateway on a free port answering `status` (200 unless told otherwise). */
export async function startTestSmsGateway(opts: { status?: number } = {}) {
  const received: ReceivedSms[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(body || 'null') });
      res.writeHead(opts.status ?? 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(opts.status && opts.status >= 400 ? { error: 'gateway says no' } : { id: 'm1' }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/send`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
