import { describe, expect, it } from 'vitest';
import { defaultQuestionnaires } from './default-definitions';
import { type TQuestion, ZQuestionnaireDefinition } from './questionnaire-definition';

const text = { nl: 'Vraag', en: 'Question' };
const grade: TQuestion = { key: 'grade', type: 'grade', text, required: true };
const comment = (key: string, extra: Partial<TQuestion> = {}) =>
  ({ key, type: 'comment', text, required: false, ...extra }) as TQuestion;

function problems(questions: unknown[]) {
  const result = ZQuestionnaireDefinition.safeParse({ questions });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('questionnaire definitions', () => {
  it.each(Object.entries(defaultQuestionnaires))('accepts the default %s questionnaire', (_, q) => {
    expect(problems(q.definition.questions)).toEqual([]);
  });

  it('ships repair with the sector questions: grade first, phases, five statements, consent last', () => {
    const qs = defaultQuestionnaires.repair.definition.questions;
    expect(qs[0]!.type).toBe('grade');
    expect(qs.at(-1)!.type).toBe('consent');
    expect(
      qs.filter((q) => q.type === 'phase_grade').map((q) => q.type === 'phase_grade' && q.phase),
    ).toEqual(['reporting', 'appointment', 'visit', 'handling']);
    expect(qs.filter((q) => q.type === 'statement' && q.technicianInfluenceable)).toHaveLength(5);
    expect(qs.find((q) => q.key === 'what_went_wrong')!.condition).toEqual({
      questionKey: 'grade',
      operator: 'lte',
      value: 5,
    });
  });

  it('needs exactly one grade question, first', () => {
    expect(problems([comment('a')])).toEqual([
      'questions: exactly one grade question is needed (found 0)',
      'questions.0.type: the first question must be the grade (rapportcijfer)',
    ]);
    expect(problems([comment('a'), grade])).toContain('questions.1.type: the grade question must come first');
    expect(problems([grade, { ...grade, key: 'grade2' }])).toContain(
      'questions: exactly one grade question is needed (found 2)',
    );
  });

  it('refuses duplicate keys, bad keys and a consent question that is not last', () => {
    expect(problems([grade, comment('x'), comment('x')])).toEqual(['questions.2.key: duplicate key "x"']);
    expect(problems([grade, comment('Bad-Key')])[0]).toMatch(/^questions\.1\.key: must start with a-z/);
    const consent = { key: 'consent', type: 'consent', text, required: false };
    expect(problems([grade, consent, comment('after')])).toEqual([
      'questions.1.type: the consent question must be the last question',
    ]);
  });

  it('refuses the keys the survey page uses for its own form fields, naming the question', () => {
    const reserved = `is reserved for the survey page's own form fields (action, _shown); choose another key`;
    expect(problems([grade, comment('action')])).toEqual([`questions.1.key: "action" ${reserved}`]);
    expect(problems([grade, comment('opmerking'), comment('_shown')])).toEqual([
      `questions.2.key: "_shown" ${reserved}`,
    ]);
    expect(problems([grade, comment('actions'), comment('shown')])).toEqual([]);
  });

  it('checks conditions: earlier question, operator and value fitting its type', () => {
    const cond = (questionKey: string, operator: string, value: unknown) =>
      comment('why', { condition: { questionKey, operator, value } as never });
    expect(problems([grade, cond('grade', 'lte', 5)])).toEqual([]);
    expect(problems([grade, cond('later', 'lte', 5), comment('later')])).toEqual([
      'questions.1.condition.questionKey: "later" is not an earlier question',
    ]);
    expect(problems([grade, cond('why', 'lte', 5)])).toEqual([
      'questions.1.condition.questionKey: "why" is not an earlier question',
    ]);
    expect(problems([grade, cond('grade', 'lte', 11)])).toEqual([
      'questions.1.condition.value: must be a whole number from 1 to 10',
    ]);
    const ftf = { key: 'ftf', type: 'first_time_fix', text, required: false };
    expect(problems([grade, ftf, cond('ftf', 'lte', 1)])).toEqual([
      'questions.2.condition.operator: only "eq" applies to a first_time_fix question',
    ]);
    expect(problems([grade, ftf, cond('ftf', 'eq', false)])).toEqual([]);
    const choice = {
      key: 'pick',
      type: 'choice',
      text,
      required: false,
      options: [
        { value: 'a', label: text },
        { value: 'b', label: text },
      ],
    };
    expect(problems([grade, choice, cond('pick', 'eq', 'c')])).toEqual([
      'questions.2.condition.value: must be one of the options of that question',
    ]);
    expect(problems([grade, comment('c'), cond('c', 'eq', 'x')])).toEqual([
      'questions.2.condition.questionKey: a comment cannot be a condition',
    ]);
  });

  it('trims texts and refuses empty or over-long ones, and unknown types', () => {
    const parsed = ZQuestionnaireDefinition.parse({
      questions: [{ ...grade, text: { nl: ' Cijfer ', en: 'Grade' } }],
    });
    expect(parsed.questions[0]!.text.nl).toBe('Cijfer');
    expect(problems([{ ...grade, text: { nl: '   ', en: 'x' } }])).toEqual([
      'questions.0.text.nl: must not be empty',
    ]);
    expect(problems([{ ...grade, text: { nl: 'x'.repeat(501), en: 'x' } }])[0]).toMatch(
      /^questions\.0\.text\.nl/,
    );
    expect(problems([grade, { ...comment('a'), type: 'essay' }])[0]).toMatch(/^questions\.1\.type/);
    expect(
      problems([grade, { key: 'p', type: 'phase_grade', text, required: false, phase: 'x' }])[0],
    ).toMatch(/^questions\.1\.phase/);
  });
});
