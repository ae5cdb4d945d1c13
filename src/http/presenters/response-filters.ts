import { z } from 'zod';
import { journeys } from '../../db/schema';
import { ZBusinessDate, ZOptionalId, ZQueryBoolean, ZSearchText } from './page';

const ZGrade = z.coerce.number().int().min(1).max(10).optional();

/** The filters on responses' attribution, home and answers that the reactions list and the dashboards share. */
export const ZResponseFilterFields = z.object({
  journey: z.enum(journeys).optional(),
  departmentId: ZOptionalId,
  teamId: ZOptionalId,
  technicianId: ZOptionalId,
  contractorId: ZOptionalId,
  trade: ZSearchText.optional(),
  minGrade: ZGrade,
  maxGrade: ZGrade,
  hasComment: ZQueryBoolean.optional(),
  complexId: ZOptionalId,
  city: ZSearchText.optional(),
});

/** Submission dates (Europe/Amsterdam), both inclusive. */
export const ZSubmittedBetween = z.object({
  from: ZBusinessDate.optional().describe('submitted on or after this date (Europe/Amsterdam)'),
  to: ZBusinessDate.optional().describe('submitted on or before this date (Europe/Amsterdam)'),
});
