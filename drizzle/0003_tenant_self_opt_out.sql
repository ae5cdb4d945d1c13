ALTER TABLE "tenants" ADD COLUMN "self_opted_out_at" timestamp with time zone;--> statement-breakpoint
-- tenants who opted out through their survey link before this column existed: the audit log names
-- them (tenant.opted_out, written only by the survey link's unsubscribe, without an actor). An ERP
-- upsert may have opted some of them in again since; that was no wish of theirs, so they are opted
-- out again, from the moment they asked. Erased tenants are left as the erasure left them.
UPDATE "tenants" t SET "self_opted_out_at" = a.first_at, "opted_out" = true,
  "opted_out_at" = CASE WHEN t."opted_out" THEN coalesce(t."opted_out_at", a.first_at) ELSE a.first_at END
FROM (
  SELECT subject_id, min("at") AS first_at FROM "audit_log"
  WHERE "action" = 'tenant.opted_out' AND subject_type = 'tenant'
    AND actor_user_id IS NULL AND actor_api_key_id IS NULL
  GROUP BY subject_id
) a
WHERE a.subject_id = t.id::text AND t."erased_at" IS NULL;
