CREATE TABLE "installation" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- a database seeded with the demo before this table existed is a demo install
INSERT INTO "installation" ("id", "kind")
SELECT 1, 'demo' WHERE EXISTS (SELECT 1 FROM "organisation")
  AND EXISTS (SELECT 1 FROM "users" WHERE "email" = 'admin@demo.achtplus.nl');
