import { describe, expect, it } from 'vitest';
import { booleanQueryOf, searchWordsOf } from './full-text';

describe('booleanQueryOf', () => {
  it('requires every word, prefix-matched', () => {
    expect(booleanQueryOf('Labrador puppy')).toBe('+labrador* +puppy*');
  });

  it('never passes operators through, so user text cannot change or break the query', () => {
    expect(booleanQueryOf('-collie +"border" (terrier) ~calm @3 <big> spaniel*')).toBe('+collie* +border* +terrier* +calm* +big* +spaniel*');
    expect(booleanQueryOf(`'; DROP TABLE pets; --`)).toBe('+drop* +table* +pets*');
  });

  it('drops words the index never holds: shorter than 3 letters and InnoDB stopwords', () => {
    expect(searchWordsOf('a cat in the garden with an ox')).toEqual(['cat', 'garden']);
    expect(booleanQueryOf('is it to')).toBeNull();
  });

  it('keeps letters of any script and digits, lower-cased and unique', () => {
    expect(searchWordsOf('Café CAFÉ Über 123 x_y')).toEqual(['café', 'über', '123', 'x_y']);
  });

  it('uses at most 8 words', () => {
    expect(searchWordsOf('one two three four five six seven eight nine ten')).toHaveLength(8);
  });
});
