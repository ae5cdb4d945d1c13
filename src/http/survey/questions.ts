import type { AnswerProblem } from '../../domain/questionnaires/check-answers';
import { checkAnswers } from '../../domain/questionnaires/check-answers';
import {
  conditionMet,
  isScale,
  isYesNo,
  type ScaleType,
  scales,
  type TQuestion,
  type TQuestionnaireDefinition,
} from '../../domain/questionnaires/questionnaire-definition';
import type { SurveyLocale } from '../../domain/responses/open-survey';
import { draftValues } from '../../domain/responses/save-survey-draft';
import { html, type SafeHtml } from '../../lib/html';
import { type SurveyTexts, textsFor } from './texts';

/** Answers as the form shows them: saved draft values (typed) or what was just posted (strings). */
export type FormValues = Record<string, unknown>;

/** The value a form control carries for an answer: numbers as digits, yes/no as "yes"/"no". */
function selected(value: unknown): Set<string> {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return new Set(list.map((v) => (v === true ? 'yes' : v === false ? 'no' : String(v))));
}

/** Which questions are shown: a condition looks at the earlier answer, read leniently one by one. */
export function shownKeys(definition: TQuestionnaireDefinition, values: FormValues): Set<string> {
  const answered = new Map<string, unknown>();
  const shown = new Set<string>();
  for (const q of definition.questions) {
    if (!conditionMet(q.condition, answered)) continue;
    shown.add(q.key);
    const given = Object.hasOwn(values, q.key) ? values[q.key] : undefined;
    if (given === undefined || given === null) continue; // unanswered: nothing to check
    const one = checkAnswers(
      { questions: [{ ...q, condition: undefined }] },
      { [q.key]: given },
      { partial: true },
    );
    const value = one.ok ? draftValues(definition, one.rows)[q.key] : undefined;
    if (value !== undefined) answered.set(q.key, value);
  }
  return shown;
}

/** The id the error summary links to: the question's first control. */
export function controlId(q: TQuestion): string {
  if (q.type === 'comment') return `q-${q.key}`;
  return `q-${q.key}-${optionsOf(q, textsFor('nl'))[0]![0]}`;
}

function optionsOf(q: TQuestion, t: SurveyTexts): Array<[value: string, label: string]> {
  if (isScale(q.type)) {
    const { min, max } = scales[q.type as ScaleType];
    const numbers = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
    return numbers.map((n) => [n, q.type === 'statement' ? t.statement[Number(n) - 1]! : n]);
  }
  if (isYesNo(q.type))
    return [
      ['yes', t.yes],
      ['no', t.no],
    ];
  if (q.type === 'choice') return q.options.map((o) => [o.value, o.label.nl] as [string, string]);
  return [];
}

const kindOf = (q: TQuestion) =>
  q.type === 'comment' ? 'text' : q.type === 'choice' ? 'choice' : isYesNo(q.type) ? 'yesno' : 'scale';

export function renderQuestion(
  q: TQuestion,
  o: {
    locale: SurveyLocale;
    values: FormValues;
    shown: boolean;
    problem?: AnswerProblem;
    problemText?: string;
  },
): SafeHtml {
  const t = textsFor(o.locale);
  const id = q.key;
  const off = !o.shown;
  const condition = q.condition
    ? `${q.condition.questionKey} ${q.condition.operator} ${q.condition.value}`
    : undefined;
  const help = q.help ? html`<p class="help" id="h-${id}">${q.help[o.locale]}</p>` : '';
  const error = o.problemText ? html`<p class="err" id="x-${id}">${o.problemText}</p>` : '';
  const describedBy = [
    q.help ? `h-${id}` : '',
    o.problemText ? `x-${id}` : '',
    !q.help && t.scaleEnds[q.type] ? `e-${id}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const attrs = html`class="q${o.problemText ? ' bad' : ''}" data-key="${id}" data-kind="${kindOf(q)}"${
    condition ? html` data-if="${condition}"` : ''
  }${off ? html` hidden` : ''}`;
  const marker = html`<input type="hidden" name="_shown" value="${id}"${off ? html` disabled` : ''}>`;
  const required = q.required ? html` <span class="req">(${t.required})</span>` : '';

  if (q.type === 'comment') {
    const text = o.values[id];
    return html`<div ${attrs}><label for="q-${id}">${q.text[o.locale]}${required}</label>${help}${error}
<textarea id="q-${id}" name="${id}" rows="4" maxlength="5000"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${
      off ? html` disabled` : ''
    }>${typeof text === 'string' ? text : ''}</textarea>${marker}</div>`;
  }

  const chosen = selected(o.values[id]);
  const multiple = q.type === 'choice' && q.multiple;
  const options = optionsOf(q, t).map(([value, fallbackLabel]) => {
    const label =
      q.type === 'choice'
        ? (q.options.find((x) => x.value === value)?.label[o.locale] ?? value)
        : fallbackLabel;
    const input = html`<input type="${multiple ? 'checkbox' : 'radio'}" name="${id}" value="${value}" id="q-${id}-${value}"${
      chosen.has(value) ? html` checked` : ''
    }${q.required && !multiple ? html` required` : ''}${off ? html` disabled` : ''}>`;
    return isScale(q.type) && q.type !== 'statement'
      ? html`<label>${input}<span>${label}</span></label>`
      : html`<label>${input}${label}</label>`;
  });
  // the question's own help usually explains the scale already (the NPS does)
  const ends = q.help ? undefined : t.scaleEnds[q.type];
  const layout =
    isScale(q.type) && q.type !== 'statement'
      ? html`<div class="scale${options.length === 11 ? ' n11' : options.length === 7 ? ' n7' : ''}">${options}</div>${
          ends ? html`<p class="ends" id="e-${id}"><span>${ends[0]}</span><span>${ends[1]}</span></p>` : ''
        }`
      : html`<div class="opts${options.length === 2 ? ' o2' : options.length === 5 ? ' o5' : ''}">${options}</div>`;
  return html`<fieldset ${attrs}${describedBy ? html` aria-describedby="${describedBy}"` : ''}><legend>${
    q.text[o.locale]
  }${required}</legend>${help}${error}${layout}${marker}</fieldset>`;
}
