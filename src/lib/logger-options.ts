import type { PinoLoggerOptions } from 'fastify/types/logger';
import type { TConfig } from '../config';

export type LogFormat = TConfig['LOG_FORMAT'];

/**
 * A survey link's token lets whoever holds it answer as that tenant: a request line names the page,
 * not the token (`/s/…`). Everything else is what Fastify's own request serializer writes.
 */
export const requestSerializer = (req: {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) => ({
  method: req.method,
  url: req.url.replace(/^\/s\/[^/?#]+/, '/s/…'),
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
});

/** Pretty lines for a person at a terminal; JSON lines for anything else (a file, a pipe, journald). */
export function logsPretty(format: LogFormat, stdoutIsTty: boolean): boolean {
  return format === 'pretty' || (format === 'auto' && stdoutIsTty);
}

/**
 * The server's logger, as `npm start` runs it and as the survey benches measure it (bench/survey/server.ts
 * calls this too, so the bench logs what the product logs). JSON lines are written by pino on the
 * request's own thread, synchronously; pretty output goes through pino-pretty as a transport, in a
 * worker thread, so formatting for the terminal stays off the request path.
 */
export function loggerOptions(
  config: Pick<TConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>,
  stdoutIsTty = Boolean(process.stdout.isTTY),
): { pretty: boolean; options: PinoLoggerOptions } {
  const pretty = logsPretty(config.LOG_FORMAT, stdoutIsTty) && config.LOG_LEVEL !== 'silent';
  const serializers = { req: requestSerializer };
  if (!pretty) return { pretty, options: { level: config.LOG_LEVEL, serializers } };
  return {
    pretty,
    options: {
      level: config.LOG_LEVEL,
      // a request's duration to a tenth of a millisecond is enough for a person reading along
      serializers: { ...serializers, responseTime: (ms: number) => Math.round(ms * 10) / 10 },
      transport: {
        target: 'pino-pretty',
        options: {
          // the worker thread's own stdout is no terminal, so pino-pretty cannot tell by itself
          colorize: stdoutIsTty,
          translateTime: 'SYS:HH:MM:ss',
          // a request reads as "[req-1] GET /api/jobs" … "[req-1] 200 in 12.4 ms request completed";
          // other fields (an error and its stack, a job id) still follow on the lines below
          ignore: 'pid,hostname,reqId,req,res,responseTime',
          messageFormat:
            '{if reqId}[{reqId}] {end}{if req.method}{req.method} {req.url} {end}{if res.statusCode}{res.statusCode} {end}{if responseTime}in {responseTime} ms {end}{msg}',
        },
      },
    },
  };
}
