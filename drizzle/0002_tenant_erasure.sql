ALTER TABLE "tenants" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
-- tenants erased before this column existed: the audit log names them; only rows that still look
-- erased (an ERP re-send may already have stored the person again, which only the ERP can undo)
UPDATE "tenants" t SET "erased_at" = a.first_at
FROM (
  SELECT subject_id, min("at") AS first_at FROM "audit_log"
  WHERE "action" = 'tenant-data.erased' AND subject_type = 'tenant'
  GROUP BY subject_id
) a
WHERE a.subject_id = t.id::text AND t.name = 'Gewiste huurder' AND t.email IS NULL AND t.mobile IS NULL;
