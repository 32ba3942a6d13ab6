// The open briefing's links and opening one in the browser ($BROWSER as given at the edge, else the
// platform's opener); the outcome is a notice.
import { type Dispatch, useMemo } from "react";
import { type BriefingLink, openableLinks } from "../../briefing/links.js";
import type { Briefing } from "../../briefing/schema.js";
import { sanitizeLine } from "../../text/sanitize.js";
import { openerCommand, openUrl } from "../opener.js";
import type { Action } from "../state.js";

export interface Links {
  links: readonly BriefingLink[];
  openLink: (url: string) => void;
}

export function useLinks(
  briefing: Briefing | undefined,
  browser: string | null,
  dispatch: Dispatch<Action>,
): Links {
  const links = useMemo(() => (briefing ? openableLinks(briefing) : []), [briefing]);
  const openLink = (url: string) => {
    void openUrl(openerCommand(browser, process.platform), url).then((error) =>
      dispatch({ type: "notice", text: error ?? `Opened ${sanitizeLine(url)}` }),
    );
  };
  return { links, openLink };
}
