import { describe, expect, it } from 'vitest';
import { defaultQuestionnaires } from '../../../../src/domain/questionnaires/default-definitions';
import {
  RESERVED_QUESTION_KEYS,
  ZQuestionnaireDefinition,
} from '../../../../src/domain/questionnaires/questionnaire-definition';
import {
  fromDefinition,
  insertAt,
  keyFromText,
  move,
  newQuestion,
  problemsByQuestion,
  reservedKeys,
  toDefinition,
  uniqueKey,
} from './question-model';

describe('the questionnaire editor’s working copy', () => {
  it('turns every default questionnaire into a working copy and back unchanged', () => {
    for (const [journey, { definition }] of Object.entries(defaultQuestionnaires)) {
      const copy = fromDefinition(definition, new Set(definition.questions.map((q) => q.key)));
      expect(
        copy.every((q) => q.fixed && q.keyTouched),
        journey,
      ).toBe(true);
      expect(toDefinition(copy), journey).toEqual(definition);
    }
  });

  it('makes a valid key from Dutch text, and a unique one', () => {
    expect(keyFromText('Was de vakman óp tijd?')).toBe('was_de_vakman_op_tijd');
    expect(keyFromText('3 dingen die beter kunnen')).toBe('q_3_dingen_die_beter_kunnen');
    expect(keyFromText('?!')).toBe('');
    expect(
      keyFromText('een heel lange vraag over de manier waarop de vakman werkte').length,
    ).toBeLessThanOrEqual(40);
    expect(uniqueKey('nps', new Set(['nps', 'nps_2']))).toBe('nps_3');
    expect(uniqueKey('', new Set())).toBe('question');
  });

  it('never proposes a key the server reserves for the survey page’s own form fields', () => {
    expect(reservedKeys).toEqual([...RESERVED_QUESTION_KEYS]);
    expect(keyFromText('Action')).toBe('q_action');
    expect(keyFromText('Action!')).toBe('q_action');
    expect(keyFromText('Actie')).toBe('actie');
    expect(keyFromText('Action taken?')).toBe('action_taken');
    expect(keyFromText('_shown')).not.toBe('_shown');
    // as the editor derives a new question's key: from its Dutch text, unique among the others
    const question = { ...newQuestion('comment', []), text: { nl: 'Action?', en: 'Action?' } };
    for (const taken of [new Set<string>(), new Set(['q_action'])]) {
      const key = uniqueKey(keyFromText(question.text.nl), taken);
      expect(reservedKeys).not.toContain(key);
      const copy = [...fromDefinition(defaultQuestionnaires.repair.definition, new Set())];
      copy.splice(insertAt(copy, 'comment'), 0, { ...question, key });
      const parsed = ZQuestionnaireDefinition.safeParse(toDefinition(copy));
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it('sends a new choice question with a condition in the shape the server accepts', () => {
    const definition = defaultQuestionnaires.repair.definition;
    const copy = fromDefinition(definition, new Set());
    const choice = {
      ...newQuestion(
        'choice',
        copy.map((q) => q.key),
      ),
      key: 'what_best',
      text: { nl: 'Wat ging het best?', en: 'What went best?' },
      options: [
        { uid: 'a', value: 'contact', label: { nl: 'Contact', en: 'Contact' }, valueTouched: true },
        { uid: 'b', value: 'work', label: { nl: 'Werk', en: 'Work' }, valueTouched: true },
      ],
      condition: { questionKey: 'grade', operator: 'gte' as const, value: '8' },
    };
    const at = insertAt(copy, 'choice');
    expect(copy[at]?.type).toBe('consent');
    copy.splice(at, 0, choice);
    const sent = toDefinition(copy);
    expect(ZQuestionnaireDefinition.safeParse(sent).success).toBe(true);
    expect(sent.questions[at]).toEqual({
      key: 'what_best',
      type: 'choice',
      text: { nl: 'Wat ging het best?', en: 'What went best?' },
      required: false,
      condition: { questionKey: 'grade', operator: 'gte', value: 8 },
      options: [
        { value: 'contact', label: { nl: 'Contact', en: 'Contact' } },
        { value: 'work', label: { nl: 'Werk', en: 'Work' } },
      ],
    });
  });

  it('compares yes/no conditions as booleans', () => {
    const copy = fromDefinition(defaultQuestionnaires.repair.definition, new Set());
    const ftf = copy.findIndex((q) => q.type === 'first_time_fix');
    const follow = {
      ...newQuestion('comment', []),
      condition: { questionKey: 'first_time_fix', operator: 'eq' as const, value: 'false' },
    };
    copy.splice(ftf + 1, 0, follow);
    expect(toDefinition(copy).questions[ftf + 1]?.condition).toEqual({
      questionKey: 'first_time_fix',
      operator: 'eq',
      value: false,
    });
  });

  it('moves within bounds only', () => {
    expect(move([1, 2, 3], 2, 0)).toEqual([3, 1, 2]);
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
  });

  it('puts each server problem on its question', () => {
    const { perQuestion, general } = problemsByQuestion([
      { field: 'questions.3.condition.value', message: 'must be a whole number from 1 to 10' },
      { field: 'questions.3.text.nl', message: 'must not be empty' },
      { field: 'questions.0', message: 'first' },
      { field: 'questions', message: 'exactly one grade question is needed (found 0)' },
    ]);
    expect(perQuestion.get(3)?.get('condition.value')).toBe('must be a whole number from 1 to 10');
    expect(perQuestion.get(3)?.get('text.nl')).toBe('must not be empty');
    expect(perQuestion.get(0)?.get('')).toBe('first');
    expect(general).toEqual(['questions: exactly one grade question is needed (found 0)']);
  });
});
