import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { applyIssues, fieldIssues } from './form-issues';

const badRequest = (issues: unknown) =>
  new ApiError(400, 'reason: is required', { error: 'invalid_request', message: 'x', issues });

/** what a Mantine form does with setErrors: replaces all errors */
function fakeForm(values: object) {
  const form = {
    values,
    errors: {} as Record<string, string>,
    setErrors(errors: Record<string, string>) {
      form.errors = errors;
    },
  };
  return form;
}

describe('fieldIssues', () => {
  it('strips the request part from each field', () => {
    const err = badRequest([
      { field: 'body.reason', message: 'is required' },
      { field: 'body.definition.questions.3.type', message: 'the grade question must come first' },
    ]);
    expect(fieldIssues(err)).toEqual([
      { field: 'reason', message: 'is required' },
      { field: 'definition.questions.3.type', message: 'the grade question must come first' },
    ]);
    expect(fieldIssues(err, { prefix: /^(body\.)?definition\./ })[1]?.field).toBe('questions.3.type');
  });

  it('gives nothing for other errors and ignores malformed issues', () => {
    expect(
      fieldIssues(new ApiError(409, 'conflict', { issues: [{ field: 'body.x', message: 'y' }] })),
    ).toEqual([]);
    expect(fieldIssues(new Error('network'))).toEqual([]);
    expect(fieldIssues(new ApiError(400, 'bad', null))).toEqual([]);
    expect(fieldIssues(badRequest([{ field: 3 }, 'x', null, { field: 'body.a', message: 'm' }]))).toEqual([
      { field: 'a', message: 'm' },
    ]);
  });
});

describe('applyIssues', () => {
  it("puts each issue on the form's field and returns those no field shows", () => {
    const form = fakeForm({ email: '', name: '', role: 'employee', password: '' });
    const { placed, rest } = applyIssues(
      form,
      badRequest([
        { field: 'body.email', message: 'must be an e-mail address' },
        { field: 'body.email', message: 'a second message for the same field' },
        { field: 'body.password', message: 'must be at least 10 characters' },
        { field: 'body.locale', message: 'must be nl or en' },
        { field: 'body', message: 'unknown key "x"' },
      ]),
    );
    expect(form.errors).toEqual({
      email: 'must be an e-mail address',
      password: 'must be at least 10 characters',
    });
    expect(placed).toBe(3);
    expect(rest).toEqual([
      { field: 'locale', message: 'must be nl or en' },
      { field: 'body', message: 'unknown key "x"' },
    ]);
  });

  it('places nested paths under their top field and clears old errors on a new answer', () => {
    const form = fakeForm({ definition: { questions: [] } });
    form.errors = { 'definition.questions.0.key': 'old' };
    applyIssues(
      form,
      badRequest([{ field: 'body.definition.questions.2.key', message: 'duplicate key "a"' }]),
    );
    expect(form.errors).toEqual({ 'definition.questions.2.key': 'duplicate key "a"' });
    expect(applyIssues(form, new ApiError(500, 'boom', null))).toEqual({ placed: 0, rest: [] });
    expect(form.errors).toEqual({});
  });
});
