-- AlterTable
ALTER TABLE "blog_drafts" ADD COLUMN     "audience_group_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "audience_user_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
