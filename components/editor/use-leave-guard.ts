"use client";

import { useEffect } from "react";

const leaveQuestion = "This workflow has unsaved changes. Leave without saving them?";

/**
 * Warns before unsaved changes are lost: on reload, close and typed URLs (beforeunload), and on
 * in-app links, which navigate without unloading the page and so never fire beforeunload.
 */
export function useLeaveGuard(hasUnsavedChanges: boolean): void {
  useEffect(() => {
    if (!hasUnsavedChanges) return;

    function warnBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
    }

    // Capture phase on document runs before React's handlers on the app root, so stopping the
    // event here keeps Next's <Link> from navigating.
    function confirmInAppLink(event: MouseEvent) {
      const anchor = event.target instanceof Element ? event.target.closest("a") : null;
      if (anchor === null || !isPlainInAppNavigation(event, anchor)) return;
      if (window.confirm(leaveQuestion)) return;
      event.preventDefault();
      event.stopPropagation();
    }

    window.addEventListener("beforeunload", warnBeforeUnload);
    document.addEventListener("click", confirmInAppLink, true);
    return () => {
      window.removeEventListener("beforeunload", warnBeforeUnload);
      document.removeEventListener("click", confirmInAppLink, true);
    };
  }, [hasUnsavedChanges]);
}

/** Links that open elsewhere (new tab, other origin, download) leave this page intact. */
function isPlainInAppNavigation(event: MouseEvent, anchor: HTMLAnchorElement): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return false;
  }
  if (anchor.href === "" || anchor.target === "_blank" || anchor.hasAttribute("download")) {
    return false;
  }
  const url = new URL(anchor.href);
  return url.origin === window.location.origin && url.pathname !== window.location.pathname;
}
