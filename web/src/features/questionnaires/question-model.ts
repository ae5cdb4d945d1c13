import {
  type ConditionOperator,
  type Phase,
  phases,
  type QuestionType,
  questionTypes,
  scales as scaleRanges,
  type TQuestion,
  type TQuestionnaireDefinition,
  yesNoTypes,
} from '@contracts';

/**
 * The editor's working copy of a question: every type's fields at once (so switching the type of a
 * new question loses nothing), texts as typed, and the condition's value as text until saving.
 * The server validates what is saved; this file only shapes and converts.
 */

// the question types, phases and answer ranges are the server's (src/contracts/surveys.ts)
export { type Phase, phases, questionTypes };
export type Operator = ConditionOperator;
type Localised = { nl: string; en: string };

/** Answer ranges of the scale types (none for the others), as in docs/SURVEYS.md. */
export const scales: Partial<Record<QuestionType, { readonly min: number; readonly max: number }>> =
  scaleRanges;
export const isYesNo = (type: QuestionType) => (yesNoTypes as readonly QuestionType[]).includes(type);

export interface EditableOption {
  uid: string;
  value: string;
  label: Localised;
  /** the person typed the value: stop deriving it from the Dutch label */
  valueTouched: boolean;
}

export interface EditableQuestion {
  uid: string;
  /** the key was in a version tenants answered: key, type and phase stay as they are */
  fixed: boolean;
  /** the person typed the key (or it was saved before): stop deriving it from the Dutch text */
  keyTouched: boolean;
  key: string;
  type: QuestionType;
  text: Localised;
  help: Localised;
  required: boolean;
  condition: { questionKey: string; operator: Operator; value: string } | null;
  phase: Phase;
  technicianInfluenceable: boolean;
  options: EditableOption[];
  multiple: boolean;
}

let counter = 0;
const uid = () => `q${++counter}`;

const emptyOption = (): EditableOption => ({
  uid: uid(),
  value: '',
  label: { nl: '', en: '' },
  valueTouched: false,
});

export function newQuestion(type: QuestionType, taken: Iterable<string>): EditableQuestion {
  return {
    uid: uid(),
    fixed: false,
    keyTouched: false,
    key: uniqueKey(type, new Set(taken)),
    type,
    text: { nl: '', en: '' },
    help: { nl: '', en: '' },
    required: type === 'grade',
    condition: null,
    phase: 'visit',
    technicianInfluenceable: true,
    options: [emptyOption(), emptyOption()],
    multiple: false,
  };
}

export { emptyOption };

export function fromDefinition(
  definition: TQuestionnaireDefinition,
  fixedKeys: Set<string>,
): EditableQuestion[] {
  return definition.questions.map((q) => ({
    ...newQuestion(q.type, []),
    fixed: fixedKeys.has(q.key),
    keyTouched: true,
    key: q.key,
    text: { ...q.text },
    help: q.help ? { ...q.help } : { nl: '', en: '' },
    required: q.required,
    condition: q.condition
      ? {
          questionKey: q.condition.questionKey,
          operator: q.condition.operator,
          value: String(q.condition.value),
        }
      : null,
    phase: q.type === 'phase_grade' ? q.phase : 'visit',
    technicianInfluenceable: q.type === 'statement' ? q.technicianInfluenceable : true,
    options:
      q.type === 'choice'
        ? q.options.map((o) => ({ uid: uid(), value: o.value, label: { ...o.label }, valueTouched: true }))
        : [emptyOption(), emptyOption()],
    multiple: q.type === 'choice' ? !!q.multiple : false,
  }));
}

/** What `PUT …/draft` receives: only the fields of each question's type. */
export function toDefinition(questions: EditableQuestion[]): TQuestionnaireDefinition {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  return {
    questions: questions.map((q) => {
      const base = {
        key: q.key,
        text: q.text,
        required: q.required,
        ...(q.help.nl.trim() || q.help.en.trim() ? { help: q.help } : {}),
        ...(q.condition
          ? {
              condition: {
                ...q.condition,
                value: conditionValue(q.condition.value, byKey.get(q.condition.questionKey)),
              },
            }
          : {}),
      };
      switch (q.type) {
        case 'phase_grade':
          return { ...base, type: q.type, phase: q.phase };
        case 'statement':
          return { ...base, type: q.type, technicianInfluenceable: q.technicianInfluenceable };
        case 'choice':
          return {
            ...base,
            type: q.type,
            options: q.options.map((o) => ({ value: o.value, label: o.label })),
            ...(q.multiple ? { multiple: true } : {}),
          };
        default:
          return { ...base, type: q.type };
      }
    }) as TQuestion[],
  };
}

/** The condition value in the form the question it looks at answers: number, yes/no or option. */
function conditionValue(value: string, target: EditableQuestion | undefined): number | boolean | string {
  if (target && isYesNo(target.type)) return value === 'true';
  if (target && scales[target.type] && /^-?\d+$/.test(value.trim())) return Number(value);
  return value;
}

/**
 * The tenant's page posts these next to the answers (the server's RESERVED_QUESTION_KEYS, which it
 * refuses as question keys; kept here as a copy so that no zod reaches the bundle — the test checks
 * they are the same).
 */
export const reservedKeys: readonly string[] = ['action', '_shown'];

/**
 * A key from the Dutch text: "Was de vakman op tijd?" → "was_de_vakman_op_tijd". A key that would
 * not start with a letter, or would be reserved ("Action" → "q_action"), gets the prefix `q_`.
 */
export function keyFromText(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let key = '';
  for (const w of words) {
    const next = key ? `${key}_${w}` : w;
    if (next.length > 40) break;
    key = next;
  }
  if (!key) return '';
  return /^[a-z]/.test(key) && !reservedKeys.includes(key) ? key : `q_${key}`;
}

export function uniqueKey(base: string, taken: Set<string>): string {
  const start = base || 'question';
  if (!taken.has(start)) return start;
  for (let n = 2; ; n++) if (!taken.has(`${start}_${n}`)) return `${start}_${n}`;
}

/** Where a new question goes: at the end, but before the consent question, which must stay last. */
export function insertAt(questions: EditableQuestion[], type: QuestionType): number {
  const last = questions[questions.length - 1];
  return type !== 'consent' && last?.type === 'consent' ? questions.length - 1 : questions.length;
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Field problems per question index (`questions.3.text.nl` → 3: {'text.nl': …}); the rest stays general. */
export function problemsByQuestion(problems: Array<{ field: string; message: string }>) {
  const perQuestion = new Map<number, Map<string, string>>();
  const general: string[] = [];
  for (const p of problems) {
    const m = /^questions\.(\d+)(?:\.(.+))?$/.exec(p.field);
    if (!m) {
      general.push(p.field ? `${p.field}: ${p.message}` : p.message);
      continue;
    }
    const i = Number(m[1]);
    const fields = perQuestion.get(i) ?? new Map<string, string>();
    const field = m[2] ?? '';
    fields.set(field, fields.has(field) ? `${fields.get(field)}; ${p.message}` : p.message);
    perQuestion.set(i, fields);
  }
  return { perQuestion, general };
}
