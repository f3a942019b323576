// Structured JSON logs: one line per event, the request id of the current request on every line,
// secrets redacted by path before anything is written.
import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as PinoLogger } from 'pino';
import { requestContext } from './request-context';

export const REDACTED_PATHS = [
  'password', '*.password', '*.currentPassword', '*.newPassword', 'token', '*.token', '*.refreshToken', '*.accessToken',
  '*.secret', '*.totpCode', 'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
  'headers.authorization', 'headers.cookie', 'config.DB_PASSWORD', 'config.SENTRY_DSN',
];

export function createRootLogger(options: { level: string; service: string; destination?: pino.DestinationStream }): PinoLogger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => {
        const context = requestContext.get();
        return context ? { requestId: context.requestId } : {};
      },
    },
    options.destination,
  );
}

/** Adapts pino to Nest's LoggerService so framework and application logs share one format. */
export class JsonLogger implements LoggerService {
  constructor(private readonly root: PinoLogger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const logger = context ? this.root.child({ context }) : this.root;
    if (message instanceof Error) {
      logger[level]({ err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      const text = typeof rest[0] === 'string' ? rest[0] : undefined;
      logger[level](message as object, text);
    } else {
      const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
      logger[level](stack ? { stack } : {}, String(message));
    }
  }

  log(message: unknown, ...rest: unknown[]) { this.write('info', message, rest); }
  error(message: unknown, ...rest: unknown[]) { this.write('error', message, rest); }
  warn(message: unknown, ...rest: unknown[]) { this.write('warn', message, rest); }
  debug(message: unknown, ...rest: unknown[]) { this.write('debug', message, rest); }
  verbose(message: unknown, ...rest: unknown[]) { this.write('trace', message, rest); }
}
