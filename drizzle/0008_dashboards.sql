CREATE TABLE "answer_rollups" (
	"grain" text NOT NULL,
	"period_start" date NOT NULL,
	"journey" text NOT NULL,
	"department_id" integer,
	"team_id" integer,
	"technician_id" integer,
	"contractor_id" integer,
	"trade" text,
	"question_key" text NOT NULL,
	"question_type" text NOT NULL,
	"phase" text,
	"technician_influenceable" boolean,
	"n" integer NOT NULL,
	"sum" integer NOT NULL,
	"sum_sq" integer NOT NULL,
	CONSTRAINT "answer_rollups_key" UNIQUE NULLS NOT DISTINCT("grain","period_start","journey","department_id","team_id","technician_id","contractor_id","trade","question_key","question_type","phase","technician_influenceable")
);
--> statement-breakpoint
CREATE TABLE "response_rollups" (
	"grain" text NOT NULL,
	"period_start" date NOT NULL,
	"journey" text NOT NULL,
	"department_id" integer,
	"team_id" integer,
	"technician_id" integer,
	"contractor_id" integer,
	"trade" text,
	"responses" integer NOT NULL,
	"grade_n" integer NOT NULL,
	"grade_sum" integer NOT NULL,
	"grade_sum_sq" integer NOT NULL,
	"grade8_plus" integer NOT NULL,
	"grade6_plus" integer NOT NULL,
	"grade5_or_less" integer NOT NULL,
	"nps_n" integer NOT NULL,
	"nps_promoters" integer NOT NULL,
	"nps_detractors" integer NOT NULL,
	CONSTRAINT "response_rollups_key" UNIQUE NULLS NOT DISTINCT("grain","period_start","journey","department_id","team_id","technician_id","contractor_id","trade")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"journey" text NOT NULL,
	"metric" text NOT NULL,
	"department_id" integer,
	"team_id" integer,
	"contractor_id" integer,
	"value" double precision NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "rolled_up" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_in_force" ON "targets" USING btree ("year","journey","metric",coalesce("department_id", 0),coalesce("team_id", 0),coalesce("contractor_id", 0)) WHERE replaced_at IS NULL;--> statement-breakpoint
CREATE INDEX "invitations_send_after_index" ON "invitations" USING btree ("send_after");--> statement-breakpoint
CREATE INDEX "responses_not_rolled_up_index" ON "responses" USING btree ("submitted_at") WHERE NOT rolled_up;