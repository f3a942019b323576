/**
 * A LIKE pattern matching `text` anywhere, with its own `%` and `_` taken literally. `!` is the escape character
 * (use `LIKE :pattern ESCAPE '!'`): unlike `\`, it is not special in SQL strings on MariaDB or MySQL.
 */
export function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
