/**
 * Who may administer the bot and how: the checks ({@link dev.newsbot.ops.admin.AdminChecks}, with group
 * administrators looked up through {@link dev.newsbot.ops.admin.GroupAdmins} and reused for a short time by
 * {@link dev.newsbot.ops.admin.CachedGroupAdmins}), the admin HTTP server ({@link dev.newsbot.ops.admin.AdminServer}:
 * reload, health, readiness and metrics, served by {@code ops.http}) and its client for {@code newsbot reload}
 * ({@link dev.newsbot.ops.admin.AdminClient}). Depends on {@code ops.sets}, {@code ops.metrics}, {@code ops.http} and
 * {@code cache} (the expiring map).
 */
package dev.newsbot.ops.admin;
