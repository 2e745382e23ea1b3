-- CreateEnum
CREATE TYPE "item_state" AS ENUM ('READY', 'PROCESSING', 'FAILED');

-- CreateEnum
CREATE TYPE "media_status" AS ENUM ('PROCESSING', 'READY', 'FAILED');

-- AlterTable
ALTER TABLE "posts" ADD COLUMN     "album_id" INTEGER,
ADD COLUMN     "edited_at" TIMESTAMPTZ(3),
ADD COLUMN     "state" "item_state" NOT NULL DEFAULT 'READY',
ADD COLUMN     "title" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "avatar_media_id" INTEGER,
ADD COLUMN     "cover_media_id" INTEGER;

-- CreateTable
CREATE TABLE "media" (
    "id" SERIAL NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" "media_status" NOT NULL DEFAULT 'PROCESSING',
    "key" UUID NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "duration_ms" INTEGER,
    "placeholder" TEXT,
    "variants" TEXT[],
    "file_name" TEXT NOT NULL,
    "error" TEXT,
    "crop" JSONB,
    "post_id" INTEGER,
    "client_key" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "albums" (
    "id" SERIAL NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "audience" "audience" NOT NULL DEFAULT 'FRIENDS',
    "cover_photo_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "client_key" UUID,

    CONSTRAINT "albums_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "photos" (
    "id" SERIAL NOT NULL,
    "album_id" INTEGER NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "media_id" INTEGER NOT NULL,
    "post_id" INTEGER,
    "caption" TEXT NOT NULL DEFAULT '',
    "alt" TEXT NOT NULL DEFAULT '',
    "position" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "photos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blog_posts" (
    "post_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "cover_media_id" INTEGER,

    CONSTRAINT "blog_posts_pkey" PRIMARY KEY ("post_id")
);

-- CreateTable
CREATE TABLE "blog_drafts" (
    "id" SERIAL NOT NULL,
    "author_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "audience" "audience" NOT NULL DEFAULT 'FRIENDS',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blog_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "diary_entries" (
    "post_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "entry_date" DATE NOT NULL,
    "mood" TEXT,
    "weather" TEXT,

    CONSTRAINT "diary_entries_pkey" PRIMARY KEY ("post_id")
);

-- CreateTable
CREATE TABLE "tracks" (
    "post_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "media_id" INTEGER NOT NULL,
    "artist" TEXT NOT NULL DEFAULT '',
    "album_name" TEXT NOT NULL DEFAULT '',
    "duration_ms" INTEGER,
    "bgm" BOOLEAN NOT NULL DEFAULT false,
    "bgm_order" INTEGER,

    CONSTRAINT "tracks_pkey" PRIMARY KEY ("post_id")
);

-- CreateTable
CREATE TABLE "videos" (
    "post_id" INTEGER NOT NULL,
    "media_id" INTEGER NOT NULL,
    "duration_ms" INTEGER,

    CONSTRAINT "videos_pkey" PRIMARY KEY ("post_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "media_key_key" ON "media"("key");

-- CreateIndex
CREATE INDEX "media_owner_id_purpose_idx" ON "media"("owner_id", "purpose");

-- CreateIndex
CREATE INDEX "media_post_id_idx" ON "media"("post_id");

-- CreateIndex
CREATE INDEX "media_status_created_at_idx" ON "media"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "media_owner_id_client_key_key" ON "media"("owner_id", "client_key");

-- CreateIndex
CREATE INDEX "albums_owner_id_id_idx" ON "albums"("owner_id", "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "albums_owner_id_client_key_key" ON "albums"("owner_id", "client_key");

-- CreateIndex
CREATE UNIQUE INDEX "photos_media_id_key" ON "photos"("media_id");

-- CreateIndex
CREATE INDEX "photos_album_id_position_idx" ON "photos"("album_id", "position");

-- CreateIndex
CREATE INDEX "photos_post_id_idx" ON "photos"("post_id");

-- CreateIndex
CREATE INDEX "blog_drafts_author_id_updated_at_idx" ON "blog_drafts"("author_id", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "diary_entries_author_id_entry_date_idx" ON "diary_entries"("author_id", "entry_date" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "tracks_media_id_key" ON "tracks"("media_id");

-- CreateIndex
CREATE INDEX "tracks_author_id_bgm_idx" ON "tracks"("author_id", "bgm");

-- CreateIndex
CREATE UNIQUE INDEX "videos_media_id_key" ON "videos"("media_id");

-- CreateIndex
CREATE INDEX "posts_author_id_kind_id_idx" ON "posts"("author_id", "kind", "id" DESC);

-- CreateIndex
CREATE INDEX "posts_album_id_idx" ON "posts"("album_id");

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_album_id_fkey" FOREIGN KEY ("album_id") REFERENCES "albums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "albums" ADD CONSTRAINT "albums_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "photos" ADD CONSTRAINT "photos_album_id_fkey" FOREIGN KEY ("album_id") REFERENCES "albums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "photos" ADD CONSTRAINT "photos_media_id_fkey" FOREIGN KEY ("media_id") REFERENCES "media"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "photos" ADD CONSTRAINT "photos_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blog_posts" ADD CONSTRAINT "blog_posts_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blog_drafts" ADD CONSTRAINT "blog_drafts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "videos" ADD CONSTRAINT "videos_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
