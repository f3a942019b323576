// Structured JSON logs: one line per event, the request id of the current request on every line, and
// nothing personal or secret in it (log-sanitiser.ts) before anything is written.
import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as PinoLogger } from 'pino';
import { logMessageOf, maskEmails, sanitiseLogObject } from './log-sanitiser';
import { requestContext } from './request-context';

/** The text of a log call, masked like the object; for an error, its sanitised message rather than pino's raw fallback. */
function sanitisedArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (typeof first === 'string') return [maskEmails(first), ...rest];
  const [text, ...values] = rest;
  if (typeof text === 'string') return [first, maskEmails(text), ...values];
  const error = first instanceof Error ? first : (first as { err?: unknown } | null | undefined)?.err;
  return error instanceof Error ? [first, logMessageOf(error), ...values] : args;
}

export function createRootLogger(options: { level: string; service: string; destination?: pino.DestinationStream }): PinoLogger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }), log: sanitiseLogObject },
      // formatters.log has serialised every error already; pino's default `err` serializer would copy raw fields back.
      serializers: { err: (serialised: unknown) => serialised },
      hooks: {
        logMethod(args, method) {
          method.apply(this, sanitisedArguments(args) as Parameters<typeof method>);
        },
      },
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
      logger[level]({ err: message });
    } else if (message !== null && typeof message === 'object') {
      const text = typeof rest[0] === 'string' ? rest[0] : undefined;
      logger[level](message as object, text);
    } else {
      const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
      logger[level](stack ? { stack } : {}, String(message));
    }
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
}
