// Application forms as pure rules: building a rescue's question set from what its admin sends, and checking
// answers against a set. Every problem is reported, one entry per question (or per question input), in the
// `details.fields` of VALIDATION_FAILED, so a form can show each next to its field.
import { ValidationFailedError, type FieldError } from '@app/common';
import type { ApplicationQuestionDto, ApplicationQuestionInputDto, ApplicationReferenceInputDto, QuestionType } from '@app/contracts';

export const TEXT_MAX_LENGTH: Partial<Record<QuestionType, number>> = { text: 500, long_text: 5000 };
const CHOICE_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice'];
const LIBRARY_FIELDS = ['type', 'prompt', 'helpText', 'options', 'minimum', 'maximum'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ANSWERS = 60;

const problem = (field: string, name: string, message: string): FieldError => ({ field, constraints: { [name]: message } });

function customQuestionErrors(input: ApplicationQuestionInputDto, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.type === undefined) errors.push(problem(`${field}.type`, 'required', 'a custom question needs a type'));
  if (input.prompt === undefined) errors.push(problem(`${field}.prompt`, 'required', 'a custom question needs a prompt'));
  const choice = input.type !== undefined && CHOICE_TYPES.includes(input.type);
  const options = input.options ?? [];
  if (choice && (options.length < 2 || new Set(options).size !== options.length)) {
    errors.push(problem(`${field}.options`, 'choices', 'a choice question needs 2 to 20 distinct options'));
  }
  if (!choice && input.options !== undefined) errors.push(problem(`${field}.options`, 'notAllowed', 'only choice questions have options'));
  const bounds = [input.minimum, input.maximum].filter((bound) => bound !== undefined && bound !== null);
  if (input.type !== 'number' && bounds.length > 0) errors.push(problem(`${field}.minimum`, 'notAllowed', 'only number questions have a minimum or maximum'));
  if (input.minimum != null && input.maximum != null && input.minimum > input.maximum) {
    errors.push(problem(`${field}.maximum`, 'range', 'maximum must not be below minimum'));
  }
  return errors;
}

/**
 * The question set an admin's inputs describe: core questions take their wording from the library (only
 * `required` is the rescue's), custom ones are the rescue's own. Throws VALIDATION_FAILED listing every problem.
 */
export function questionSetFrom(inputs: readonly ApplicationQuestionInputDto[], library: readonly ApplicationQuestionDto[]): ApplicationQuestionDto[] {
  const byKey = new Map(library.map((question) => [question.key, question]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  const questions = inputs.map((input, index): ApplicationQuestionDto | null => {
    const field = `questions[${index}]`;
    if (seen.has(input.key)) errors.push(problem(`${field}.key`, 'unique', `the key ${input.key} is used twice`));
    seen.add(input.key);
    const core = byKey.get(input.key);
    if (input.source === 'core') {
      if (!core) {
        errors.push(problem(`${field}.key`, 'coreQuestion', `${input.key} is not a question of the core library`));
        return null;
      }
      const overridden = LIBRARY_FIELDS.filter((name) => input[name] !== undefined);
      if (overridden.length > 0)
        errors.push(problem(`${field}.${overridden[0]}`, 'notAllowed', "a core question's wording comes from the library; send only key, source and required"));
      return { ...core, required: input.required };
    }
    if (core) errors.push(problem(`${field}.key`, 'customKey', `${input.key} is a core question's key; choose another key`));
    const own = customQuestionErrors(input, field);
    errors.push(...own);
    if (own.length > 0 || core) return null;
    return {
      key: input.key,
      source: 'custom',
      type: input.type!,
      prompt: input.prompt!,
      helpText: input.helpText ?? null,
      required: input.required,
      options: input.options ?? [],
      minimum: input.type === 'number' ? (input.minimum ?? null) : null,
      maximum: input.type === 'number' ? (input.maximum ?? null) : null,
    };
  });
  if (errors.length > 0) throw new ValidationFailedError(errors, 'The form has invalid questions.');
  return questions as ApplicationQuestionDto[];
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Why `value` is not an answer to `question` (a present, non-blank value), or null when it is one. */
function answerProblem(question: ApplicationQuestionDto, value: unknown): [string, string] | null {
  switch (question.type) {
    case 'text':
    case 'long_text': {
      const max = TEXT_MAX_LENGTH[question.type]!;
      if (typeof value !== 'string') return ['type', 'the answer must be text'];
      return value.length > max ? ['maxLength', `the answer must be at most ${max} characters`] : null;
    }
    case 'yes_no':
      return typeof value === 'boolean' ? null : ['type', 'the answer must be true or false'];
    case 'single_choice':
      return typeof value === 'string' && question.options.includes(value) ? null : ['choice', `the answer must be one of: ${question.options.join(', ')}`];
    case 'multiple_choice': {
      if (!Array.isArray(value) || value.some((choice) => typeof choice !== 'string' || !question.options.includes(choice))) {
        return ['choice', `the answer must be a list of: ${question.options.join(', ')}`];
      }
      return new Set(value).size === value.length ? null : ['unique', 'each choice may be given once'];
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return ['type', 'the answer must be a number'];
      if (question.minimum !== null && value < question.minimum) return ['range', `the answer must be at least ${question.minimum}`];
      if (question.maximum !== null && value > question.maximum) return ['range', `the answer must be at most ${question.maximum}`];
      return null;
    }
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : ['type', 'the answer must be a date (YYYY-MM-DD)'];
  }
}

export type AnswerCheck = 'complete' | 'partial';

/**
 * One entry per question whose answer is wrong: a wrong type, choice or range, or (when `complete`) a missing
 * answer to a required question; and one per answer to a question the form does not have. A draft is checked
 * `partial`: what is there must be right, but it need not be finished.
 */
export function answerErrors(questions: readonly ApplicationQuestionDto[], answers: Record<string, unknown>, check: AnswerCheck): FieldError[] {
  // A form has at most 50 questions: far more answers is not a form being filled in, and would make a huge error list.
  if (Object.keys(answers).length > MAX_ANSWERS) return [problem('answers', 'maxProperties', `at most ${MAX_ANSWERS} answers`)];
  const errors: FieldError[] = [];
  const keys = new Set(questions.map((question) => question.key));
  for (const key of Object.keys(answers)) {
    if (!keys.has(key)) errors.push(problem(`answers.${key}`, 'unknownQuestion', 'this form has no such question'));
  }
  for (const question of questions) {
    // Own properties only: a question keyed `constructor` must not read Object.prototype's.
    const value = Object.hasOwn(answers, question.key) ? answers[question.key] : undefined;
    if (isBlank(value)) {
      if (check === 'complete' && question.required) errors.push(problem(`answers.${question.key}`, 'required', `an answer is required: ${question.prompt}`));
      continue;
    }
    const wrong = answerProblem(question, value);
    if (wrong) errors.push(problem(`answers.${question.key}`, wrong[0], wrong[1]));
  }
  return errors;
}

/** Answers with blank ones left out, so that "not answered" has one form in storage. */
export function storedAnswers(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => !isBlank(value)));
}

/** A reference needs a way to reach them. */
export function referenceErrors(references: readonly ApplicationReferenceInputDto[]): FieldError[] {
  return references.flatMap((reference, index) =>
    reference.email || reference.phone ? [] : [problem(`references[${index}]`, 'contact', 'give an e-mail address or a phone number')],
  );
}

/** Throws VALIDATION_FAILED with every problem of the answers and references. */
export function assertValidSubmission(
  questions: readonly ApplicationQuestionDto[],
  answers: Record<string, unknown>,
  references: readonly ApplicationReferenceInputDto[],
  check: AnswerCheck,
): void {
  const errors = [...answerErrors(questions, answers, check), ...referenceErrors(references)];
  if (errors.length > 0) throw new ValidationFailedError(errors, check === 'complete' ? 'Some answers are missing or invalid.' : 'Some answers are invalid.');
}
