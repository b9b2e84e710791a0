import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/**
 * Who the client is and whether it reached the platform over TLS, from one source.
 *
 * Forwarding headers (X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host) are believed only
 * when the request's socket peer is one of the configured proxies (KANGYU_TRUSTED_PROXIES);
 * anyone else could write them. With no proxies configured the socket's peer is the client.
 * The login limits, the sessions table and the audit trail all take the address from here.
 */
export function trustProxyOption(config: Pick<Config, 'trustedProxies'>): string[] | false {
  return config.trustedProxies.length ? [...config.trustedProxies] : false;
}

/** The client's address: the socket's peer, or what a trusted proxy forwarded. */
export function clientAddress(req: FastifyRequest): string {
  return req.ip;
}

/**
 * Whether the request came over TLS: the socket is encrypted, or a trusted proxy terminated
 * TLS and said so in X-Forwarded-Proto. Strict-Transport-Security, upgrade-insecure-requests
 * and the cookie's Secure flag follow it.
 */
export function isSecureRequest(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}
