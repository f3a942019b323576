// Turns the user's `q` into an InnoDB FULLTEXT query in BOOLEAN MODE that behaves the same on MariaDB and MySQL 8.
// Every word must appear (`+word*`, prefix-matched so "lab" finds Labrador). Operators typed by the user are
// never passed through: words are cut out of the text, so `"`, `-`, `(`, `@`, `~` and friends cannot change the query
// or make it fail to parse.

/** InnoDB's default stopword list (both engines): such words are never indexed, so requiring one matches nothing. */
const INNODB_STOPWORDS = new Set([
  'a',
  'about',
  'an',
  'are',
  'as',
  'at',
  'be',
  'by',
  'com',
  'de',
  'en',
  'for',
  'from',
  'how',
  'i',
  'in',
  'is',
  'it',
  'la',
  'of',
  'on',
  'or',
  'that',
  'the',
  'this',
  'to',
  'was',
  'what',
  'when',
  'where',
  'who',
  'will',
  'with',
  'und',
  'www',
]);

/** innodb_ft_min_token_size (3 by default on both engines): shorter words are not indexed. */
const MIN_WORD_LENGTH = 3;
const MAX_WORDS = 8;
/** innodb_ft_max_token_size is 84; longer "words" are not indexed either. */
const MAX_WORD_LENGTH = 84;

/** The indexable words of `q`, lower-cased, unique, in order; empty when no word can match anything. */
export function searchWordsOf(q: string): string[] {
  const words =
    q
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}_]+/gu) ?? [];
  const unique = [...new Set(words.filter((w) => w.length >= MIN_WORD_LENGTH && w.length <= MAX_WORD_LENGTH && !INNODB_STOPWORDS.has(w)))];
  return unique.slice(0, MAX_WORDS);
}

/** The AGAINST(... IN BOOLEAN MODE) argument for `q`, or null when `q` has no searchable word. */
export function booleanQueryOf(q: string): string | null {
  const words = searchWordsOf(q);
  return words.length ? words.map((w) => `+${w}*`).join(' ') : null;
}
