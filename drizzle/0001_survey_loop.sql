CREATE TABLE "domain_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "domain_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_id" integer NOT NULL,
	"tenant_id" integer,
	"journey" text NOT NULL,
	"status" text NOT NULL,
	"suppression_reason" text,
	"channel" text,
	"questionnaire_version_id" integer,
	"token_hash" text,
	"token_nonce" text,
	"send_after" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"draft_answers" jsonb,
	"draft_saved_at" timestamp with time zone,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "response_answers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "response_answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"response_id" integer NOT NULL,
	"question_key" text NOT NULL,
	"question_type" text NOT NULL,
	"numeric_value" integer,
	"text_value" text,
	"choice_values" text[],
	"phase" text,
	"technician_influenceable" boolean
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"invitation_id" integer,
	"job_id" integer,
	"questionnaire_version_id" integer NOT NULL,
	"journey" text NOT NULL,
	"department_id" integer,
	"team_id" integer,
	"technician_id" integer,
	"contractor_id" integer,
	"trade" text,
	"unit_id" integer,
	"complex_id" integer,
	"completed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"consent" boolean DEFAULT false NOT NULL,
	"tenant_id" integer,
	"unlinked_at" timestamp with time zone,
	"grade" integer,
	"nps" integer
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"journey" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"delay_minutes" integer DEFAULT 120 NOT NULL,
	"reminder_days" integer DEFAULT 3 NOT NULL,
	"expiry_days" integer DEFAULT 14 NOT NULL,
	"quarantine_days" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "invitation_id" integer;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_questionnaire_version_id_questionnaire_versions_id_fk" FOREIGN KEY ("questionnaire_version_id") REFERENCES "public"."questionnaire_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_answers" ADD CONSTRAINT "response_answers_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_questionnaire_version_id_questionnaire_versions_id_fk" FOREIGN KEY ("questionnaire_version_id") REFERENCES "public"."questionnaire_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "domain_events_unprocessed_index" ON "domain_events" USING btree ("id") WHERE processed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_per_job" ON "invitations" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "invitations_due_index" ON "invitations" USING btree ("send_after") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "invitations_open_index" ON "invitations" USING btree ("sent_at") WHERE status = 'sent';--> statement-breakpoint
CREATE INDEX "invitations_tenant_id_sent_at_index" ON "invitations" USING btree ("tenant_id","sent_at");--> statement-breakpoint
CREATE INDEX "response_answers_response_id_index" ON "response_answers" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "response_answers_question_key_index" ON "response_answers" USING btree ("question_key");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_one_per_invitation" ON "responses" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "responses_submitted_at_index" ON "responses" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "responses_team_id_submitted_at_index" ON "responses" USING btree ("team_id","submitted_at");--> statement-breakpoint
CREATE INDEX "responses_technician_id_submitted_at_index" ON "responses" USING btree ("technician_id","submitted_at");--> statement-breakpoint
CREATE INDEX "responses_contractor_id_submitted_at_index" ON "responses" USING btree ("contractor_id","submitted_at");--> statement-breakpoint
CREATE INDEX "responses_department_id_submitted_at_index" ON "responses" USING btree ("department_id","submitted_at");--> statement-breakpoint
CREATE INDEX "responses_job_id_index" ON "responses" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_invitation_id_index" ON "outbox_messages" USING btree ("invitation_id");