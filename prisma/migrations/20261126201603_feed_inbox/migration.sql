-- AlterTable
ALTER TABLE "users" ADD COLUMN     "hot" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "feed_entries" (
    "user_id" INTEGER NOT NULL,
    "post_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,

    CONSTRAINT "feed_entries_pkey" PRIMARY KEY ("user_id","post_id")
);

-- CreateTable
CREATE TABLE "feed_states" (
    "user_id" INTEGER NOT NULL,
    "horizon" INTEGER NOT NULL DEFAULT 0,
    "trimmed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_states_pkey" PRIMARY KEY ("user_id")
);
