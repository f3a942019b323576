// The api's application/json body parser: Fastify's own (with its __proto__ / constructor.prototype checks),
// preceded by a limit on nesting. JSON.parse copes with any depth, but class-transformer and class-validator
// recurse per level and overflow the stack on a few thousand (500 `RangeError`): a body nested deeper than the
// limit is refused from its bytes, before any object is built.
import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain-error';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether the JSON text opens more than `maxDepth` objects/arrays inside one another: a single pass over the
 * bytes that stops at the first level too many. Strings are skipped with indexOf (brackets in them do not
 * count); UTF-8 continuation bytes are all ≥ 0x80, so they never look like a bracket. Malformed text is left to
 * JSON.parse.
 */
export function jsonNestingExceeds(body: Buffer, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (byte === QUOTE) {
      i = closingQuoteOf(body, i);
      if (i < 0) return false;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** Index of the quote that ends the string opened at `open` (one not escaped by an odd run of backslashes), or -1. */
function closingQuoteOf(body: Buffer, open: number): number {
  let quote = open;
  for (;;) {
    quote = body.indexOf(QUOTE, quote + 1);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (body[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
}

export function depthLimitedJsonParser(fastify: FastifyInstance, maxDepth: number): FastifyBodyParser<Buffer> {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    if (jsonNestingExceeds(body, maxDepth)) {
      done(new DomainError('VALIDATION_FAILED', `The JSON body is nested deeper than ${maxDepth} levels.`, { maxDepth }), undefined);
      return;
    }
    parseJson(request, body.toString('utf8'), done);
  };
}
