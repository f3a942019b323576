import type { ApplicationQuestionDto, ApplicationQuestionInputDto } from '@app/contracts';
import { CORE_QUESTIONS } from '@app/database';
import { describe, expect, it } from 'vitest';
import { answerErrors, assertValidSubmission, questionSetFrom, referenceErrors, storedAnswers } from './application-form';

const q = (question: Partial<ApplicationQuestionDto> & Pick<ApplicationQuestionDto, 'key' | 'type'>): ApplicationQuestionDto => ({
  source: 'custom',
  prompt: question.key,
  helpText: null,
  required: true,
  options: [],
  minimum: null,
  maximum: null,
  ...question,
});

const FORM = [
  q({ key: 'name', type: 'text' }),
  q({ key: 'story', type: 'long_text', required: false }),
  q({ key: 'garden', type: 'yes_no' }),
  q({ key: 'home', type: 'single_choice', options: ['house', 'flat'] }),
  q({ key: 'pets', type: 'multiple_choice', options: ['dogs', 'cats', 'none'] }),
  q({ key: 'adults', type: 'number', minimum: 1, maximum: 10 }),
  q({ key: 'from', type: 'date', required: false }),
];

const fields = (errors: Array<{ field: string; constraints: Record<string, string> }>) =>
  Object.fromEntries(errors.map((e) => [e.field, Object.keys(e.constraints)[0]]));

describe('answers', () => {
  it('accepts a complete, well-typed set of answers', () => {
    expect(answerErrors(FORM, { name: 'Ann', garden: true, home: 'flat', pets: ['dogs', 'cats'], adults: 2, from: '2026-02-28' }, 'complete')).toEqual([]);
  });

  it('reports one error per wrong answer, naming the question', () => {
    const errors = answerErrors(
      FORM,
      { name: 42, story: 'x'.repeat(5001), garden: 'yes', home: 'castle', pets: ['dogs', 'dogs'], adults: 11, from: '2026-02-30', extra: 1 },
      'complete',
    );
    expect(fields(errors)).toEqual({
      'answers.extra': 'unknownQuestion',
      'answers.name': 'type',
      'answers.story': 'maxLength',
      'answers.garden': 'type',
      'answers.home': 'choice',
      'answers.pets': 'unique',
      'answers.adults': 'range',
      'answers.from': 'type',
    });
  });

  it('requires answers to required questions when complete, not in a draft; blanks count as missing', () => {
    const missing = fields(answerErrors(FORM, { name: '  ', pets: [] }, 'complete'));
    expect(missing).toEqual({
      'answers.name': 'required',
      'answers.garden': 'required',
      'answers.home': 'required',
      'answers.pets': 'required',
      'answers.adults': 'required',
    });
    expect(answerErrors(FORM, { name: '  ', pets: [] }, 'partial')).toEqual([]);
    expect(fields(answerErrors(FORM, { adults: 0 }, 'partial'))).toEqual({ 'answers.adults': 'range' });
  });

  it("reads only the answers' own properties: a question keyed constructor is unanswered, not Object's", () => {
    const form = [q({ key: 'constructor', type: 'text', required: false }), q({ key: 'to_string', type: 'text' })];
    expect(answerErrors(form, { to_string: 'x' }, 'complete')).toEqual([]);
    expect(fields(answerErrors(form, {}, 'complete'))).toEqual({ 'answers.to_string': 'required' });
  });

  it('refuses an answer set far larger than any form with one error, not one per key', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    expect(answerErrors(FORM, many, 'complete')).toEqual([{ field: 'answers', constraints: { maxProperties: 'at most 60 answers' } }]);
  });

  it('stores blank answers as not answered', () => {
    expect(storedAnswers({ a: '', b: null, c: [], d: 'x', e: false, f: 0 })).toEqual({ d: 'x', e: false, f: 0 });
  });

  it('needs a way to reach each reference, and throws every problem at once', () => {
    expect(
      referenceErrors([
        { name: 'A', relationship: 'friend' },
        { name: 'B', relationship: 'vet', phone: '+44 113 496 0000' },
      ]),
    ).toEqual([{ field: 'references[0]', constraints: { contact: 'give an e-mail address or a phone number' } }]);
    try {
      assertValidSubmission(FORM, { adults: 99 }, [{ name: 'A', relationship: 'friend' }], 'complete');
      expect.unreachable();
    } catch (error) {
      const details = (error as { code: string; details: { fields: Array<{ field: string }> } }).details;
      expect((error as { code: string }).code).toBe('VALIDATION_FAILED');
      expect(details.fields.map((f) => f.field)).toEqual(['answers.name', 'answers.garden', 'answers.home', 'answers.pets', 'answers.adults', 'references[0]']);
    }
  });
});

describe('a rescue form from its inputs', () => {
  const core = (key: string, required = true): ApplicationQuestionInputDto => ({ key, source: 'core', required });

  it('takes core questions from the library, with the rescue choosing only whether they are required', () => {
    const [garden] = questionSetFrom([core('garden', false)], CORE_QUESTIONS);
    expect(garden).toEqual({ ...CORE_QUESTIONS.find((question) => question.key === 'garden'), required: false });
  });

  it('builds custom questions, keeping bounds only for numbers and options only for choices', () => {
    const set = questionSetFrom(
      [
        { key: 'vet_name', source: 'custom', required: false, type: 'text', prompt: 'Who is your vet?' },
        { key: 'walks', source: 'custom', required: true, type: 'number', prompt: 'Walks a day?', minimum: 0, maximum: 5 },
        { key: 'crate', source: 'custom', required: true, type: 'single_choice', prompt: 'Crate trained?', options: ['yes', 'no', 'unsure'] },
      ],
      CORE_QUESTIONS,
    );
    expect(set.map((question) => [question.key, question.source, question.options, question.minimum, question.maximum])).toEqual([
      ['vet_name', 'custom', [], null, null],
      ['walks', 'custom', [], 0, 5],
      ['crate', 'custom', ['yes', 'no', 'unsure'], null, null],
    ]);
  });

  it('reports every invalid input with its position', () => {
    const inputs: ApplicationQuestionInputDto[] = [
      { key: 'no_such_core', source: 'core', required: true },
      { key: 'garden', source: 'core', required: true, prompt: 'Reworded?' },
      { key: 'garden', source: 'custom', required: true, type: 'text', prompt: 'Taken key' },
      { key: 'colour', source: 'custom', required: true, type: 'single_choice', prompt: 'One option', options: ['red'] },
      { key: 'age', source: 'custom', required: true, type: 'text', prompt: 'Bounds on text', minimum: 1 },
      { key: 'size', source: 'custom', required: true, type: 'number', prompt: 'Upside down', minimum: 5, maximum: 1 },
      { key: 'untyped', source: 'custom', required: true },
    ];
    try {
      questionSetFrom(inputs, CORE_QUESTIONS);
      expect.unreachable();
    } catch (error) {
      const problems = (error as { details: { fields: Array<{ field: string; constraints: Record<string, string> }> } }).details.fields;
      expect(problems.map((p) => [p.field, Object.keys(p.constraints)[0]])).toEqual([
        ['questions[0].key', 'coreQuestion'],
        ['questions[1].prompt', 'notAllowed'],
        ['questions[2].key', 'unique'],
        ['questions[2].key', 'customKey'],
        ['questions[3].options', 'choices'],
        ['questions[4].minimum', 'notAllowed'],
        ['questions[5].maximum', 'range'],
        ['questions[6].type', 'required'],
        ['questions[6].prompt', 'required'],
      ]);
    }
  });
});
