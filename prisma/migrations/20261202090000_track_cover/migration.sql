-- A track's own cover image, replacing the one read from the file's tags.
ALTER TABLE "tracks" ADD COLUMN "cover_media_id" INTEGER;
