import type { Database } from '../../src/db/client';

/**
 * The archive behind the generated years. The demo generates three years of work (jobs,
 * invitations, responses, answers), numbered in the order of submission; a larger archive is
 * those responses again, copied 3, 6, 9 … years back with every answer, until the target count
 * (the oldest copy partly: its newest responses, so the archive has no gap). The copies keep their
 * attribution (journey, department, team, technician, contractor, trade, complex — every id one
 * the organisation has) and are stored as the retention job leaves responses older than
 * RESPONSE_RETENTION_MONTHS: no invitation, job, home or tenant, the completion kept to the day,
 * `unlinked_at` set. So only responses and answers grow with the archive; jobs and invitations
 * hold the generated three years, which is all any measured figure reads of them (the period is
 * this year, compared with last year). A copy's id is the original's plus a multiple of the
 * highest original id (so each answer finds its response without a look-up); ids then no longer
 * follow submission, which nothing reads them for.
 */
export async function growArchive(
  database: Database,
  { target, years, log }: { target: number; years: number; log: (m: string) => void },
) {
  const offset = await count(database, 'SELECT coalesce(max(id), 0) AS n FROM responses');
  const generated = await count(database, 'SELECT count(*) AS n FROM responses');
  const chunk = 50_000;
  let total = generated;
  for (let copy = 1; total < target; copy++) {
    const take = Math.min(generated, target - total);
    const shift = `interval '${copy * years} years'`;
    const plus = copy * offset;
    // the newest `take` of the generated responses (ids follow submission), in chunks of ids
    for (let low = offset - take; low < offset; low += chunk) {
      const high = Math.min(low + chunk, offset);
      await database.executeSql(
        `INSERT INTO responses (id, questionnaire_version_id, journey, department_id, team_id, technician_id,
           contractor_id, trade, complex_id, completed_at, submitted_at, locale, consent, unlinked_at, grade, nps)
         OVERRIDING SYSTEM VALUE
         SELECT id + ${plus}, questionnaire_version_id, journey, department_id, team_id, technician_id,
           contractor_id, trade, complex_id,
           date_trunc('day', (completed_at - ${shift}) AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam',
           submitted_at - ${shift}, locale, consent, now(), grade, nps
         FROM responses WHERE id > ${low} AND id <= ${high}`,
      );
      await database.executeSql(
        `INSERT INTO response_answers (response_id, question_key, question_type, numeric_value, text_value,
           choice_values, phase, technician_influenceable)
         SELECT response_id + ${plus}, question_key, question_type, numeric_value, text_value, choice_values,
           phase, technician_influenceable
         FROM response_answers WHERE response_id > ${low} AND response_id <= ${high} ORDER BY id`,
      );
    }
    total += take;
    log(`  archive: copy ${copy} (${copy * years} years back), ${take} responses, ${total} in all`);
  }
  await database.executeSql(
    `SELECT setval(pg_get_serial_sequence('responses', 'id'), (SELECT max(id) FROM responses))`,
  );
  return total;
}

/**
 * The newest `keep` responses only: the older ones go with their answers (their invitations stay
 * answered; the measured periods lie inside what is kept).
 */
export async function keepNewest(database: Database, keep: number) {
  const newest = await count(database, 'SELECT coalesce(max(id), 0) AS n FROM responses');
  await database.executeSql(`DELETE FROM responses WHERE id <= ${newest - keep}`);
  return count(database, 'SELECT count(*) AS n FROM responses');
}

export async function count(database: Database, query: string) {
  const [row] = (await database.executeSql(query)).rows;
  return Number(row?.n ?? 0);
}
