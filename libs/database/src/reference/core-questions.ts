// The core library of adoption-application questions: the form of individual rehomers' pets, and what rescues
// pick their core questions from. The applications migration stores it as the core form, version 1; a change to
// it needs a new migration that stores version 2 (applied migrations never re-run, and applications keep the
// version they answered).
import type { ApplicationQuestionDto } from '@app/contracts';

type CoreQuestion = Omit<ApplicationQuestionDto, 'source'>;

const question = (q: Partial<CoreQuestion> & Pick<CoreQuestion, 'key' | 'type' | 'prompt' | 'required'>): ApplicationQuestionDto => ({
  source: 'core',
  helpText: null,
  options: [],
  minimum: null,
  maximum: null,
  ...q,
});

export const CORE_QUESTIONS_VERSION = 1;
/** The stored core form's row id (fixed, so that every database has the same one). */
export const CORE_QUESTION_SET_ID = '01900000-0000-7000-8000-00000000c0e1';

export const CORE_QUESTIONS: readonly ApplicationQuestionDto[] = [
  question({ key: 'household_adults', type: 'number', prompt: 'How many adults live in your home?', required: true, minimum: 1, maximum: 20 }),
  question({ key: 'household_children', type: 'number', prompt: 'How many children live in your home?', required: true, minimum: 0, maximum: 20 }),
  question({ key: 'children_ages', type: 'text', prompt: 'How old are the children?', helpText: 'Include children who visit often.', required: false }),
  question({
    key: 'home_type',
    type: 'single_choice',
    prompt: 'What kind of home do you live in?',
    required: true,
    options: ['house', 'flat', 'bungalow', 'farm', 'other'],
  }),
  question({ key: 'home_ownership', type: 'single_choice', prompt: 'Do you own or rent your home?', required: true, options: ['own', 'rent'] }),
  question({ key: 'landlord_permission', type: 'yes_no', prompt: 'If you rent, does your landlord allow pets?', required: false }),
  question({
    key: 'garden',
    type: 'single_choice',
    prompt: 'Do you have a garden?',
    required: true,
    options: ['none', 'shared', 'private_unfenced', 'private_fenced'],
  }),
  question({
    key: 'other_pets',
    type: 'multiple_choice',
    prompt: 'Which other pets live with you?',
    required: true,
    options: ['none', 'dogs', 'cats', 'rabbits', 'birds', 'small_mammals', 'reptiles', 'other'],
  }),
  question({
    key: 'other_pets_details',
    type: 'long_text',
    prompt: 'Tell us about your other pets.',
    helpText: 'Age, temperament, neutered, vaccinated.',
    required: false,
  }),
  question({ key: 'experience', type: 'long_text', prompt: 'What experience do you have with pets?', required: true }),
  question({
    key: 'working_hours',
    type: 'single_choice',
    prompt: 'What are your working hours?',
    required: true,
    options: ['home_all_day', 'part_time', 'full_time', 'shift_work'],
  }),
  question({ key: 'hours_alone', type: 'number', prompt: 'How many hours a day would the pet be alone?', required: true, minimum: 0, maximum: 24 }),
  question({ key: 'move_in_date', type: 'date', prompt: 'From when could the pet live with you?', required: false }),
  question({ key: 'why_this_pet', type: 'long_text', prompt: 'Why would this pet suit your home?', required: true }),
];

/** A complete, valid set of answers to the core form: the demo data's applications, and tests. */
export const CORE_SAMPLE_ANSWERS = {
  household_adults: 2,
  household_children: 0,
  home_type: 'house',
  home_ownership: 'own',
  garden: 'private_fenced',
  other_pets: ['none'],
  experience: 'We had a beagle for twelve years.',
  working_hours: 'part_time',
  hours_alone: 3,
  why_this_pet: 'A quiet house with a big garden.',
} as const;
