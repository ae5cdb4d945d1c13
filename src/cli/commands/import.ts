import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dryRunImport } from '../../domain/imports/dry-run-import';
import type { Mapping } from '../../domain/imports/mapping';
import { importFile } from '../../domain/imports/run-import';
import type { ImportProblem } from '../../domain/imports/validate-table';
import { type IngestKindName, ingestKindNames } from '../../domain/ingest/ingest-kind';
import { systemActor } from '../../policy/actor';
import { withContext } from './open';

const usage = `usage: npm run cli -- import <${ingestKindNames.join('|')}> <file.csv|file.xlsx> [--dry-run] [--mapping field=column,…]`;

/** Imports a file completely or not at all; prints every problem by line and exits 1 when there are any. */
export async function run(args: string[]): Promise<number> {
  const flags = args.filter((a) => a.startsWith('--'));
  const [kind, file] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--mapping');
  if (!kind || !file || !ingestKindNames.includes(kind as IngestKindName)) {
    console.error(usage);
    return 2;
  }
  const mappingArg = args[args.indexOf('--mapping') + 1];
  const mapping: Mapping | undefined =
    flags.includes('--mapping') && mappingArg ? parseMapping(mappingArg) : undefined;
  const bytes = await readFile(file);
  const actor = systemActor('cli import');
  return withContext(async (ctx) => {
    if (flags.includes('--dry-run')) {
      const result = await dryRunImport({ db: ctx.db, actor, kind: kind as IngestKindName, bytes, mapping });
      console.log(
        `${result.totalRows} rows; columns mapped: ${Object.entries(result.mapping)
          .map(([f, c]) => `${f}←"${c}"`)
          .join(', ')}`,
      );
      printProblems(result.problems);
      if (!result.problems.length) console.log('dry run: no problems, nothing written');
      return result.problems.length ? 1 : 0;
    }
    const started = Date.now();
    const run = await importFile({
      db: ctx.db,
      actor,
      kind: kind as IngestKindName,
      fileName: basename(file),
      bytes,
      mapping,
    });
    printProblems((run.problems as ImportProblem[] | null) ?? []);
    if (run.status !== 'done') {
      console.error(`import ${run.id} failed: nothing was written`);
      return 1;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `import ${run.id} done in ${seconds.toFixed(1)} s: ${run.inserted} inserted, ${run.updated} updated, ${run.unchanged} unchanged`,
    );
    return 0;
  });
}

function parseMapping(text: string): Mapping {
  return Object.fromEntries(
    text.split(',').map((pair) => pair.split('=').map((s) => s.trim()) as [string, string]),
  );
}

function printProblems(problems: ImportProblem[]) {
  for (const p of problems) {
    console.error(
      `${p.line === null ? 'file' : `line ${p.line}`}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`,
    );
  }
  if (problems.length) console.error(`${problems.length} problem(s)`);
}
