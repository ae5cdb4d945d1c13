import { DomainError } from '../domain/errors';

/**
 * Runs a command's work; when the domain refuses it (a DomainError: a taken e-mail address, a
 * database that is not empty, …) it prints the refusal's message and exits 1. Anything else is a
 * crash, left to main.ts.
 */
export async function printingRefusals(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}
