import type { TFieldIssue } from '@contracts';
import { ApiError } from './api';

/**
 * A 400 names each wrong field in `issues` (docs/API.md, Conventions): `field` is the path from the
 * request part (`body.reason`, `body.definition.questions.3.type`, `querystring.page`). These
 * helpers put those messages where the person typed, instead of one notification about a field
 * they have to find themselves.
 */
export interface IssueOptions {
  /** what the form's paths leave off: `'body.'` (default) for a form that is the request body */
  prefix?: string | RegExp;
}

/** The field problems of a 400, with paths relative to the form (the prefix stripped). */
export function fieldIssues(err: unknown, { prefix = 'body.' }: IssueOptions = {}): TFieldIssue[] {
  if (!(err instanceof ApiError) || err.status !== 400) return [];
  const body = err.body as { issues?: unknown } | null;
  const list = Array.isArray(body?.issues) ? (body.issues as Array<Partial<TFieldIssue>>) : [];
  const strip = (field: string) =>
    typeof prefix === 'string'
      ? field.startsWith(prefix)
        ? field.slice(prefix.length)
        : field
      : field.replace(prefix, '');
  return list
    .filter((p): p is TFieldIssue => typeof p?.field === 'string' && typeof p.message === 'string')
    .map((p) => ({ field: strip(p.field), message: p.message }));
}

/** What applyIssues needs of a Mantine form (`useForm()`); its field paths are dotted like the server's. */
export interface FormWithErrors {
  values: object;
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Puts a 400's issues on the form's fields (`form.setErrors`, which also clears the old ones) and
 * says how many it placed and which no field of the form shows (a field the form does not have, or
 * a problem of the whole body), so the caller can say those another way. Any other error places
 * nothing: the caller shows its message.
 *
 *   onError: (err) => {
 *     const { placed, rest } = applyIssues(form, err);
 *     if (!placed || rest.length) notifications.show({ message: rest.length ? …rest : err.message });
 *   }
 */
export function applyIssues(
  form: FormWithErrors,
  err: unknown,
  options?: IssueOptions,
): { placed: number; rest: TFieldIssue[] } {
  const issues = fieldIssues(err, options);
  const fields = new Set(Object.keys(form.values));
  const placed: Record<string, string> = {};
  const rest: TFieldIssue[] = [];
  for (const issue of issues) {
    const top = issue.field.split('.')[0] ?? '';
    if (!fields.has(top)) rest.push(issue);
    else if (!(issue.field in placed)) placed[issue.field] = issue.message; // the first message per field
  }
  form.setErrors(placed);
  return { placed: issues.length - rest.length, rest };
}
