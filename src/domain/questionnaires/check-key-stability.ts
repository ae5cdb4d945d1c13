import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { questionnaireVersions } from '../../db/schema';
import type { TQuestion, TQuestionnaireDefinition } from './questionnaire-definition';

export interface KeyProblem {
  field: string;
  message: string;
}

/**
 * Figures across versions join answers on the question key, so a key keeps its meaning: once a
 * version used it, a later version may drop it but not reuse it for another type or phase.
 */
export async function checkKeyStability(
  db: Db,
  questionnaireId: number,
  definition: TQuestionnaireDefinition,
): Promise<KeyProblem[]> {
  const earlier = await db
    .select({ version: questionnaireVersions.version, definition: questionnaireVersions.definition })
    .from(questionnaireVersions)
    .where(
      and(
        eq(questionnaireVersions.questionnaireId, questionnaireId),
        ne(questionnaireVersions.status, 'draft'),
      ),
    );
  const used = new Map<string, { version: number; question: TQuestion }>();
  for (const v of earlier) {
    for (const question of (v.definition as TQuestionnaireDefinition).questions) {
      used.set(question.key, { version: v.version, question });
    }
  }
  const problems: KeyProblem[] = [];
  definition.questions.forEach((q, i) => {
    const before = used.get(q.key);
    if (!before) return;
    const was = meaning(before.question);
    if (was !== meaning(q))
      problems.push({
        field: `definition.questions.${i}.type`,
        message: `key "${q.key}" was a ${was} question in version ${before.version}; use a new key for a different question`,
      });
  });
  return problems;
}

const meaning = (q: TQuestion) => (q.type === 'phase_grade' ? `phase_grade (${q.phase})` : q.type);
