import type { FastifyRequest } from 'fastify';

/**
 * How a request appears in the access log: method, path and client address — never the query
 * string, which carries search text (a name, an ID number typed into a search box), nor a
 * header or the body.
 */
export function requestLogSerializer(req: FastifyRequest): Record<string, unknown> {
  const url = typeof req.url === 'string' ? req.url : '';
  const q = url.indexOf('?');
  return {
    method: req.method,
    url: q === -1 ? url : url.slice(0, q),
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
