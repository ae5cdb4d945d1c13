import { randomUUID } from 'node:crypto';

/**
 * This process's name in claims on long work (an import run): a claim by another name whose
 * heartbeat stopped belongs to a process that died. New at every start, so a restarted process never
 * takes its former life's claims for its own.
 */
export const PROCESS_INSTANCE = randomUUID();
