/**
 * What the signed-in user may do, as the server told it at sign-in
 * (`user.permissions`, computed from the server's PERMISSIONS map). The web
 * keeps no permission map of its own: it only hides the actions not listed;
 * the server still refuses them (403) whatever the page shows.
 */
import type { Permission } from '../../auth/index.js';

export type { Permission };

/** True when the user holds the permission (no user, or an older answer without a list: false). */
export function can(user: { permissions?: readonly Permission[] } | null | undefined, permission: Permission): boolean {
  return user?.permissions?.includes(permission) ?? false;
}

/** Shown instead of a whole screen the user may not use: "Bạn không có quyền …". */
export function NoPermission({ to }: { to: string }) {
  return (
    <p className="no-permission" role="alert">
      Bạn không có quyền {to}.
    </p>
  );
}
