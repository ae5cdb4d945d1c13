import { checkAnswers } from '../domain/questionnaires/check-answers';
import { defaultQuestionnaires } from '../domain/questionnaires/default-definitions';
import type { TQuestion } from '../domain/questionnaires/questionnaire-definition';

/**
 * What a satisfied tenant answers on the default repair survey: every question that is shown (the
 * "what went wrong" follow-up is hidden at grade 8), as an HTML form sends it (strings).
 */
export function satisfiedTenantAnswers(): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const q of defaultQuestionnaires.repair.definition.questions) {
    if (q.condition) continue;
    const value = answerFor(q);
    if (value !== undefined) answers[q.key] = value;
  }
  return answers;
}

function answerFor(q: TQuestion): string | undefined {
  switch (q.type) {
    case 'grade':
      return '8';
    case 'nps':
      return '9';
    case 'phase_grade':
      return '7';
    case 'effort':
      return '2';
    case 'statement':
      return '4';
    case 'first_time_fix':
      return 'yes';
    case 'consent':
      return 'no';
    case 'comment':
      return 'Vriendelijke vakman, alles netjes opgeruimd. Wel lang moeten wachten op de afspraak.';
    default:
      return undefined;
  }
}

/** How many answer rows a complete submission of these answers stores (checked like the server does). */
export function expectedAnswerRows(answers: Record<string, string>) {
  const checked = checkAnswers(defaultQuestionnaires.repair.definition, answers);
  if (!checked.ok) throw new Error(`bench answers refused: ${JSON.stringify(checked.problems)}`);
  return checked.rows.length;
}

export interface Submission {
  /** the form's action, with TOKEN where the token goes */
  pathTemplate: string;
  /** the urlencoded body, with TOKEN where the token goes (if it carries one) */
  bodyTemplate: string;
  contentType: string;
}

/**
 * The final submission as the page's form posts it: the form's action and hidden fields, the
 * answers under the form's own field names, and the button that submits (not the one that saves).
 * Read from a real page, so the bench follows the form if it changes.
 */
export function submissionFromPage(
  pageHtml: string,
  token: string,
  answers: Record<string, string>,
): Submission {
  const forms = [...pageHtml.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].filter((m) =>
    /method=["']?post/i.test(m[1]!),
  );
  const form = forms.sort((a, b) => b[2]!.length - a[2]!.length)[0];
  if (!form) throw new Error('the survey page has no POST form');
  const attr = (tag: string, name: string) =>
    new RegExp(`\\b${name}=["']([^"']*)["']`, 'i').exec(tag)?.[1]?.replaceAll('&amp;', '&');
  const action = attr(form[1]!, 'action') ?? `/s/${token}`;
  const fields = new URLSearchParams();
  const names = new Set<string>();
  for (const tag of form[2]!.match(/<(input|textarea|select|button)\b[^>]*>/gi) ?? []) {
    const name = attr(tag, 'name');
    if (!name) continue;
    names.add(name);
    // a browser posts hidden fields (repeated names too), never disabled ones (hidden follow-up questions)
    const hidden = /\btype=["']?hidden/i.test(tag) && !/\sdisabled\b/i.test(tag);
    if (hidden && !(fieldKey(name, answers) in answers)) fields.append(name, attr(tag, 'value') ?? '');
  }
  for (const name of names) {
    const key = fieldKey(name, answers);
    if (key in answers) fields.set(name, answers[key]!);
  }
  const missing = Object.keys(answers).filter((k) => ![...names].some((n) => fieldKey(n, answers) === k));
  if (missing.length) throw new Error(`the survey form has no field for: ${missing.join(', ')}`);
  const button = submitButton(form[2]!, attr);
  if (button?.name) fields.set(button.name, button.value ?? '');
  return {
    pathTemplate: action.replaceAll(token, 'TOKEN'),
    bodyTemplate: fields.toString().replaceAll(token, 'TOKEN'),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** `grade`, `answers[grade]`, `q.grade` and `q-grade` all name the question `grade` */
function fieldKey(name: string, answers: Record<string, string>) {
  if (name in answers) return name;
  const inner = /^(?:\w+\[([a-z0-9_]+)\]|\w+[.:-]([a-z0-9_]+))$/.exec(name);
  return inner?.[1] ?? inner?.[2] ?? name;
}

/** The final-submit button: the one whose value, else whose label, says submit/send; else the last one */
function submitButton(formBody: string, attr: (tag: string, name: string) => string | undefined) {
  const buttons = [...formBody.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>|<input\b([^>]*)>/gi)]
    .map((m) => ({ tag: m[1] ?? m[3]!, label: m[2] ?? '', isButton: m[1] !== undefined }))
    .filter(
      (b) => (b.isButton || /type=["']?submit/i.test(b.tag)) && !/type=["']?(button|reset)/i.test(b.tag),
    )
    .map((b) => ({ name: attr(b.tag, 'name'), value: attr(b.tag, 'value') ?? '', label: b.label }));
  const says = /submit|verstuur|versturen|verzend|send|final|klaar/i;
  return buttons.find((b) => says.test(b.value)) ?? buttons.find((b) => says.test(b.label)) ?? buttons.at(-1);
}

export function fill(template: string, token: string) {
  return template.replaceAll('TOKEN', token);
}
