import type { FastifyRequest } from 'fastify';

/** Where a sign-in comes from: shown in the session list and compared for the new-device notice. */
export interface ClientInfo {
  device: string;
  ip: string | null;
}

const MAX_DEVICE = 255;

/** The client's own device name when it gives one, else its User-Agent. `request.ip` honours TRUST_PROXY. */
export function clientInfoOf(request: FastifyRequest, deviceName?: string): ClientInfo {
  const userAgent = request.headers['user-agent'];
  const device = deviceName?.trim() || (typeof userAgent === 'string' ? userAgent.trim() : '') || 'Unknown device';
  const ip = typeof request.ip === 'string' && request.ip.length <= 45 ? request.ip : null;
  return { device: device.slice(0, MAX_DEVICE), ip };
}
