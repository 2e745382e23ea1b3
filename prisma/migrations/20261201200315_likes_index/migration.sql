-- CreateIndex
CREATE INDEX "post_likes_post_id_created_at_user_id_idx" ON "post_likes"("post_id", "created_at" DESC, "user_id" DESC);
