import { describe, expect, it } from 'vitest';
import { checkAnswers } from './check-answers';
import { defaultQuestionnaires } from './default-definitions';
import { type TQuestionnaireDefinition, ZQuestionnaireDefinition } from './questionnaire-definition';

const repair = defaultQuestionnaires.repair.definition;
const text = { nl: 'Vraag', en: 'Question' };
const withChoice: TQuestionnaireDefinition = ZQuestionnaireDefinition.parse({
  questions: [
    { key: 'grade', type: 'grade', text, required: true },
    { key: 'effort', type: 'effort', text, required: false },
    {
      key: 'single',
      type: 'choice',
      text,
      required: false,
      options: [
        { value: 'a', label: text },
        { value: 'b', label: text },
      ],
    },
    {
      key: 'many',
      type: 'choice',
      multiple: true,
      text,
      required: false,
      options: [
        { value: 'a', label: text },
        { value: 'b', label: text },
      ],
    },
    {
      key: 'if_b',
      type: 'comment',
      text,
      required: true,
      condition: { questionKey: 'many', operator: 'eq', value: 'b' },
    },
  ],
});

const problemsOf = (result: ReturnType<typeof checkAnswers>) =>
  result.ok ? [] : result.problems.map((p) => `${p.questionKey}: ${p.message}`);

describe('checkAnswers', () => {
  it('turns a full repair answer into rows for SQL, in questionnaire order', () => {
    const result = checkAnswers(repair, {
      consent: 'yes',
      grade: 8,
      nps: 0,
      phase_reporting: '6',
      on_time: 5,
      first_time_fix: false,
      comment: '  Prima geholpen <b>dank</b>  ',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.questionKey)).toEqual([
      'grade',
      'nps',
      'phase_reporting',
      'on_time',
      'first_time_fix',
      'comment',
      'consent',
    ]);
    const row = (k: string) => result.rows.find((r) => r.questionKey === k);
    expect(row('grade')).toEqual({
      questionKey: 'grade',
      questionType: 'grade',
      numericValue: 8,
      textValue: null,
      choiceValues: null,
      phase: null,
      technicianInfluenceable: null,
    });
    expect(row('nps')!.numericValue).toBe(0);
    expect(row('phase_reporting')).toMatchObject({ numericValue: 6, phase: 'reporting' });
    expect(row('on_time')).toMatchObject({ numericValue: 5, technicianInfluenceable: true });
    expect(row('first_time_fix')!.numericValue).toBe(0);
    expect(row('consent')!.numericValue).toBe(1);
    // stored as text, never interpreted (escaping is the page's job)
    expect(row('comment')!.textValue).toBe('Prima geholpen <b>dank</b>');
  });

  it('refuses out-of-range and wrong-type values per question', () => {
    const result = checkAnswers(repair, {
      grade: 11,
      nps: -1,
      phase_visit: 7.5,
      on_time: 6,
      first_time_fix: 'misschien',
      comment: 42,
    });
    expect(problemsOf(result)).toEqual([
      'grade: must be a whole number from 1 to 10',
      'nps: must be a whole number from 0 to 10',
      'phase_visit: must be a whole number from 1 to 10',
      'on_time: must be a whole number from 1 to 5',
      'first_time_fix: must be yes or no',
      'comment: must be text',
    ]);
    expect(problemsOf(checkAnswers(repair, { grade: 0 }))).toEqual([
      'grade: must be a whole number from 1 to 10',
    ]);
    expect(problemsOf(checkAnswers(repair, { grade: '8abc' }))).toEqual([
      'grade: must be a whole number from 1 to 10',
    ]);
    expect(problemsOf(checkAnswers(repair, { grade: true }))).toEqual([
      'grade: must be a whole number from 1 to 10',
    ]);
  });

  it('refuses unknown questions, also ones named like object properties', () => {
    expect(problemsOf(checkAnswers(repair, { grade: 7, favourite_colour: 'blauw' }))).toEqual([
      'favourite_colour: unknown question',
    ]);
    expect(problemsOf(checkAnswers(repair, JSON.parse('{"grade":7,"__proto__":1,"toString":2}')))).toEqual([
      '__proto__: unknown question',
      'toString: unknown question',
    ]);
  });

  it('asks "what went wrong" only at a grade of 5 or lower', () => {
    expect(checkAnswers(repair, { grade: 5, what_went_wrong: 'Te laat' }).ok).toBe(true);
    expect(problemsOf(checkAnswers(repair, { grade: 6, what_went_wrong: 'Te laat' }))).toEqual([
      'what_went_wrong: not asked: its condition does not hold',
    ]);
    // an empty form field is no answer
    expect(checkAnswers(repair, { grade: 6, what_went_wrong: '' }).ok).toBe(true);
  });

  it('demands required answers in a final submission only', () => {
    expect(problemsOf(checkAnswers(repair, { nps: 9 }))).toEqual(['grade: an answer is required']);
    expect(problemsOf(checkAnswers(repair, { grade: null }))).toEqual(['grade: an answer is required']);
    const partial = checkAnswers(repair, { nps: 9 }, { partial: true });
    expect(partial).toEqual({
      ok: true,
      rows: [expect.objectContaining({ questionKey: 'nps', numericValue: 9 })],
    });
  });

  it('saving as you go drops answers a condition now hides, but still refuses bad values', () => {
    const partial = checkAnswers(repair, { grade: 9, what_went_wrong: 'eerder getypt' }, { partial: true });
    expect(partial.ok && partial.rows.map((r) => r.questionKey)).toEqual(['grade']);
    expect(problemsOf(checkAnswers(repair, { nps: 12, bogus: 1 }, { partial: true }))).toEqual([
      'bogus: unknown question',
      'nps: must be a whole number from 0 to 10',
    ]);
  });

  it('limits comments to 5,000 characters and refuses NUL', () => {
    expect(checkAnswers(repair, { grade: 7, comment: 'é'.repeat(5000) }).ok).toBe(true);
    expect(problemsOf(checkAnswers(repair, { grade: 7, comment: 'a'.repeat(5001) }))).toEqual([
      'comment: must be at most 5000 characters',
    ]);
    expect(problemsOf(checkAnswers(repair, { grade: 7, comment: 'a\u0000b' }))).toEqual([
      'comment: contains a character that is not allowed',
    ]);
  });

  it('handles single and multiple choice, and conditions on a choice', () => {
    const ok = checkAnswers(withChoice, {
      grade: 7,
      effort: '3',
      single: 'a',
      many: ['a', 'b'],
      if_b: 'waarom b',
    });
    expect(ok.ok && ok.rows.map((r) => [r.questionKey, r.numericValue, r.choiceValues, r.textValue])).toEqual(
      [
        ['grade', 7, null, null],
        ['effort', 3, null, null],
        ['single', null, ['a'], null],
        ['many', null, ['a', 'b'], null],
        ['if_b', null, null, 'waarom b'],
      ],
    );
    expect(problemsOf(checkAnswers(withChoice, { grade: 7, many: 'b' }))).toEqual([
      'if_b: an answer is required',
    ]);
    expect(checkAnswers(withChoice, { grade: 7, many: 'a' }).ok).toBe(true);
    expect(
      problemsOf(checkAnswers(withChoice, { grade: 7, single: ['a', 'b'], many: ['a', 'a'], effort: 8 })),
    ).toEqual([
      'effort: must be a whole number from 1 to 7',
      'single: only one option may be chosen',
      'many: an option was chosen twice',
    ]);
    expect(problemsOf(checkAnswers(withChoice, { grade: 7, single: 'z' }))).toEqual([
      'single: must be one of the options',
    ]);
    expect(problemsOf(checkAnswers(withChoice, { grade: 7, single: { a: 1 } }))).toEqual([
      'single: must be one of the options',
    ]);
  });
});
