package dev.newsbot.ops.admin;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what, for the chat front ends.
 *
 * <ul>
 *   <li>{@code /reload}, {@code /status}, {@code /why}: only the bot's admins, the user ids in
 *       {@code admin.userIds} ({@link #isAdmin}); anyone else gets "not allowed".</li>
 *   <li>{@code /use}: anyone in a private chat; in a group, the group's administrators (asked of
 *       {@link GroupAdmins}, which should be a {@link CachedGroupAdmins}) and the bot's admins
 *       ({@link #mayChooseSet}).</li>
 * </ul>
 * Thread-safe.
 */
public final class AdminChecks {

    private final Set<String> admins;
    private final GroupAdmins groupAdmins;

    /** @param adminUserIds the bot's admins; numbers or their decimal strings */
    public AdminChecks(Collection<?> adminUserIds, GroupAdmins groupAdmins) {
        this.admins = adminUserIds.stream().map(String::valueOf).map(String::strip).collect(Collectors.toSet());
        this.groupAdmins = Objects.requireNonNull(groupAdmins, "groupAdmins");
    }

    /** The bot's admins' user ids (for their own command menu). */
    public Set<String> admins() {
        return Set.copyOf(admins);
    }

    /** True when the user is one of the bot's admins; false for a null user. */
    public boolean isAdmin(String userId) {
        return userId != null && admins.contains(userId.strip());
    }

    /**
     * True when the user may pick the chat's article set.
     *
     * @param privateChat true for a one-to-one chat with the bot; false for groups and supergroups
     */
    public boolean mayChooseSet(String chatId, String userId, boolean privateChat) {
        if (privateChat) {
            return true;
        }
        return userId != null && (isAdmin(userId) || groupAdmins.isAdmin(chatId, userId));
    }
}
