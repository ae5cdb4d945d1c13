import { readFileSync } from 'node:fs';
import { prettyFactory } from 'pino-pretty';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { loggerOptions, logsPretty, requestSerializer } from './logger-options';
import { fromProjectRoot } from './project-root';

describe('LOG_FORMAT', () => {
  it('is pretty on a terminal and JSON lines otherwise, unless asked', () => {
    expect(logsPretty('auto', true)).toBe(true);
    expect(logsPretty('auto', false)).toBe(false);
    expect(logsPretty('json', true)).toBe(false);
    expect(logsPretty('pretty', false)).toBe(true);
  });

  it('defaults to auto and refuses a format it does not know, naming the variable', () => {
    expect(loadConfig({}).LOG_FORMAT).toBe('auto');
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT/);
  });

  it('JSON lines are plain pino at the configured level, with no transport', () => {
    const { pretty, options } = loggerOptions({ LOG_LEVEL: 'info', LOG_FORMAT: 'auto' }, false);
    expect(pretty).toBe(false);
    expect(options).toEqual({ level: 'info', serializers: { req: requestSerializer } });
    expect(loggerOptions({ LOG_LEVEL: 'warn', LOG_FORMAT: 'json' }, true).options).toMatchObject({
      level: 'warn',
    });
    expect(loggerOptions({ LOG_LEVEL: 'warn', LOG_FORMAT: 'json' }, true).options.transport).toBeUndefined();
  });

  it('pretty output goes through pino-pretty as a transport, coloured only on a terminal', () => {
    const onTerminal = loggerOptions({ LOG_LEVEL: 'debug', LOG_FORMAT: 'auto' }, true);
    expect(onTerminal.pretty).toBe(true);
    expect(onTerminal.options.level).toBe('debug');
    expect(onTerminal.options.transport).toMatchObject({
      target: 'pino-pretty',
      options: { colorize: true },
    });
    const asked = loggerOptions({ LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' }, false);
    expect(asked.options.transport).toMatchObject({ target: 'pino-pretty', options: { colorize: false } });
    // nothing to show: no worker thread for it
    expect(loggerOptions({ LOG_LEVEL: 'silent', LOG_FORMAT: 'pretty' }, true)).toMatchObject({
      pretty: false,
      options: { level: 'silent' },
    });
    expect(
      loggerOptions({ LOG_LEVEL: 'silent', LOG_FORMAT: 'pretty' }, true).options.transport,
    ).toBeUndefined();
  });

  it('a request reads as one short line each way, and an error keeps its details', () => {
    const { options } = loggerOptions({ LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' }, false);
    const prettyOptions = (options.transport as { options: Record<string, unknown> }).options;
    const format = prettyFactory(prettyOptions);
    const serialize = options.serializers!.responseTime!;
    const base = { level: 30, time: Date.now(), pid: 1, hostname: 'h', reqId: 'req-7' };
    const incoming = format({
      ...base,
      req: { method: 'GET', url: '/api/v1/jobs?page=2', remoteAddress: '127.0.0.1' },
      msg: 'incoming request',
    });
    expect(incoming).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO: \[req-7\] GET \/api\/v1\/jobs\?page=2 incoming request\n$/,
    );
    const completed = format({
      ...base,
      res: { statusCode: 200 },
      responseTime: serialize(12.3456789),
      msg: 'request completed',
    });
    expect(completed).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[req-7\] 200 in 12\.3 ms request completed\n$/);
    const failed = format({ ...base, level: 50, err: { type: 'Error', message: 'boom' }, msg: 'boom' });
    expect(failed).toMatch(/^\[\d\d:\d\d:\d\d\] ERROR: \[req-7\] boom\n\s+err: \{/);
    expect(failed).toMatch(/"message": "boom"/);
  });

  it('a request line names the survey page, never its token', async () => {
    const Fastify = (await import('fastify')).default;
    const lines: string[] = [];
    const { options } = loggerOptions({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, false);
    const app = Fastify({ logger: { ...options, stream: { write: (l: string) => lines.push(l) } } });
    app.get('/s/:token', async () => 'ok');
    await app.inject({ url: '/s/F5UzLkMxUzUTmTQb2ZOnT_Vrd0WhXWOW?step=2' });
    await app.close();
    const incoming = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'incoming request');
    expect(incoming.req).toMatchObject({ method: 'GET', url: '/s/…?step=2' });
    expect(lines.join('')).not.toContain('F5UzLkMxUzUTmTQb2ZOnT_Vrd0WhXWOW');
  });

  it('npm start (src/main.ts) and the survey bench server log with these same options', () => {
    for (const file of ['src/main.ts', 'bench/survey/server.ts']) {
      const source = readFileSync(fromProjectRoot(file), 'utf8');
      expect(source, file).toMatch(/from '(\.\/|\.\.\/\.\.\/src\/)lib\/logger-options'/);
      // every buildApp in it gets its logger from loggerOptions(config), none a logger of its own
      const builds = source.match(/buildApp\(\{[\s\S]*?\}\);/g) ?? [];
      expect(builds.length, file).toBeGreaterThan(0);
      for (const build of builds)
        expect(build, file).toMatch(/logger: (logger\.options|loggerOptions\(config\)\.options)/);
      if (source.includes('logger: logger.options'))
        expect(source, file).toMatch(/const logger = loggerOptions\(config\);/);
    }
  });
});
