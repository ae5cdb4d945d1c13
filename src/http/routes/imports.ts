import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { dryRunImport } from '../../domain/imports/dry-run-import';
import { getImportRun, listImportRuns } from '../../domain/imports/get-import-run';
import { uploadImport } from '../../domain/imports/upload-import';
import { xlsxUnpackProblem } from '../../domain/imports/xlsx-bounds';
import { ingestKindNames } from '../../domain/ingest/ingest-kind';
import { authorize } from '../../policy/policy';
import { actorOf } from '../authenticate';
import { badRequest, ClientError, invalidFields, notFound } from '../errors';
import { personalData } from '../personal-data';

export const MAX_IMPORT_BYTES = 60 * 1024 * 1024;

const ZImportForm = z.object({
  kind: z.enum(ingestKindNames, { error: `kind must be one of: ${ingestKindNames.join(', ')}` }),
  dryRun: z.enum(['true', 'false']).default('false'),
  mapping: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(v));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object {"field": "column"}' });
        return z.NEVER;
      }
    }),
});

/**
 * Staff upload CSV/XLSX here. A dry run reads and checks the file in this request (bounded by the
 * 60 MB upload and writing nothing) and lists every problem; an import is stored and run by a worker
 * (job imports.run), whose progress and result GET /imports/:id reports.
 */
export async function register(app: FastifyInstance, ctx: AppContext) {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/imports',
    {
      config: personalData, // a dry run previews the file's first rows
      preValidation: async (request) => authorize(actorOf(request), 'import.run'),
      schema: {
        summary: 'Upload a CSV or XLSX file (multipart: kind, file, mapping?, dryRun?)',
        tags: ['imports'],
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { fields, file } = await readForm(request);
      const form = ZImportForm.safeParse(fields);
      if (!form.success) {
        const issues = form.error.issues.map((i) => ({
          field: `body.${i.path.join('.')}`,
          message: i.message,
        }));
        throw invalidFields(issues);
      }
      if (!file) throw badRequest('body.file: attach the CSV or XLSX file as "file"');
      const zipProblem = await xlsxUnpackProblem(file.bytes);
      if (zipProblem) throw invalidFields([{ field: 'body.file', message: zipProblem }]);
      const { kind, mapping, dryRun } = form.data;
      if (dryRun === 'true') return dryRunImport({ db: ctx.db, actor, kind, bytes: file.bytes, mapping });
      const runId = await uploadImport({
        db: ctx.db,
        jobs: ctx.jobs,
        actor,
        kind,
        fileName: file.name,
        bytes: file.bytes,
        mapping,
      });
      return reply.status(202).send({ id: runId });
    },
  );

  r.get(
    '/api/v1/imports',
    { schema: { summary: 'Recent import runs', tags: ['imports'] } },
    async (request) => ({
      items: await listImportRuns({ db: ctx.db, actor: actorOf(request) }),
    }),
  );

  r.get(
    '/api/v1/imports/:id',
    {
      schema: {
        summary: 'One import run: status, progress, counts, problems',
        tags: ['imports'],
        params: z.object({ id: z.coerce.number().int() }),
      },
    },
    async (request) => {
      const run = await getImportRun({ db: ctx.db, actor: actorOf(request), id: request.params.id });
      if (!run) throw notFound('No such import');
      return { ...run, problems: run.problems ?? [] };
    },
  );
}

async function readForm(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new ClientError(415, 'Send the file as multipart/form-data (fields: kind, file, mapping, dryRun).');
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { name: part.filename || 'upload', bytes: await part.toBuffer() };
      else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ClientError(
        413,
        `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it, or import it with: npm run cli -- import <kind> <file>`,
      );
    }
    throw err;
  }
  return { fields, file };
}
