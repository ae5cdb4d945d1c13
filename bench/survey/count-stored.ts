import type { Database } from '../../src/db/client';

/**
 * What the database holds after a run, for the honesty checks: responses, their answers, answered
 * invitations, and the bare route's rows. A response without answers or an answered invitation
 * without a response would be a half-written submission.
 */
export async function countStored(database: Database) {
  const [row] = (
    await database.executeSql(
      `SELECT
         (SELECT count(*)::int FROM responses) AS responses,
         (SELECT count(*)::int FROM response_answers) AS answers,
         (SELECT count(*)::int FROM responses r
            WHERE NOT EXISTS (SELECT 1 FROM response_answers a WHERE a.response_id = r.id)) AS "responsesWithoutAnswers",
         (SELECT count(*)::int FROM invitations WHERE status = 'answered') AS answered,
         (SELECT count(*)::int FROM invitations i WHERE i.status = 'answered'
            AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.invitation_id = i.id)) AS "answeredWithoutResponse",
         (SELECT count(*)::int FROM pg_tables WHERE tablename = 'bench_submissions') AS "hasBare"`,
    )
  ).rows;
  const bare = row.hasBare
    ? (await database.executeSql('SELECT count(*)::int AS n FROM bench_submissions')).rows[0].n
    : 0;
  return {
    responses: row.responses as number,
    answers: row.answers as number,
    responsesWithoutAnswers: row.responsesWithoutAnswers as number,
    answered: row.answered as number,
    answeredWithoutResponse: row.answeredWithoutResponse as number,
    bareSubmissions: bare as number,
  };
}
export type StoredCounts = Awaited<ReturnType<typeof countStored>>;
