import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.ROLE).toBe('all');
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ ROLE: 'both' })).toThrow(/ROLE/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  it('trusts no proxy unless told which', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).TRUST_PROXY).toBe('10.0.0.0/8,127.0.0.1');
  });

  it('treats empty variables as unset and strips a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://feedback.example.nl/' }).publicUrl).toBe(
      'https://feedback.example.nl',
    );
  });

  it('lets only tests send surveys in the quiet hours', () => {
    expect(loadConfig({}).TEST_SEND_IN_QUIET_HOURS).toBe('no');
    expect(() => loadConfig({ TEST_SEND_IN_QUIET_HOURS: 'yes', NODE_ENV: 'production' })).toThrow(
      /TEST_SEND_IN_QUIET_HOURS: only allowed with NODE_ENV=test/,
    );
    expect(() => loadConfig({ TEST_SEND_IN_QUIET_HOURS: 'yes' })).toThrow(ConfigError);
    expect(loadConfig({ TEST_SEND_IN_QUIET_HOURS: 'yes', NODE_ENV: 'test' }).TEST_SEND_IN_QUIET_HOURS).toBe(
      'yes',
    );
  });
});
