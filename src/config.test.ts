import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustedProxies } from './config.ts';

describe('the configuration', () => {
  it('trusts no proxy and runs as the demo unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ trustedProxies: [], mode: 'demo' });
  });

  it('reads a list of proxy addresses, ranges and range names', () => {
    expect(parseTrustedProxies(' 10.0.0.2, 192.168.0.0/16,::1,fd00::/8 ,loopback')).toEqual(['10.0.0.2', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback']);
    expect(loadConfig({ KANGYU_TRUSTED_PROXIES: '127.0.0.1', KANGYU_MODE: 'production' })).toMatchObject({ trustedProxies: ['127.0.0.1'], mode: 'production' });
  });

  it('refuses a malformed proxy or mode at start', () => {
    for (const bad of ['true', '10.0.0.300', '10.0.0.0/33', '*', 'proxy.example']) expect(() => parseTrustedProxies(bad), bad).toThrow(/KANGYU_TRUSTED_PROXIES/);
    expect(() => loadConfig({ KANGYU_MODE: 'prod' })).toThrow(/KANGYU_MODE/);
  });
});
