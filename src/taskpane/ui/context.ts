/* What every panel of the pane shares: the workbook port, the language and its strings, and the busy state. */
import type { Issue, Result } from "../../engine";
import { hostError } from "../../workbook/policy";
import type { WorkbookPort } from "../../workbook/port";
import type { InventorySource } from "../../app";
import type { Lang, PaneStrings } from "../strings";

/** Reads the current selection in Excel ("Inventory", "A1:X40"); absent outside Excel. */
export type SelectionReader = () => Promise<{ sheet: string; address: string } | undefined>;

export interface PaneContext {
  readonly port: WorkbookPort;
  readonly lang: Lang;
  readonly s: PaneStrings;
  /** Add-in version recorded with every run. */
  readonly version: string;
  readonly readSelection?: SelectionReader;
  /** The inventory source chosen in step 1 (undefined = let the workflow find it). */
  source(): InventorySource | undefined;
  /** Runs an action with every action button disabled (Cancel stays enabled); never throws. */
  busy<T>(action: () => Promise<Result<T>>): Promise<Result<T>>;
  /** Registers a button that is disabled while an action runs. */
  registerAction(button: HTMLButtonElement): void;
}

/** A thrown error (host failure, not a user's input problem) as the engine's `workbook_error` issue. */
export function thrownIssue(e: unknown): Issue {
  return hostError(e);
}

/** Busy-state bookkeeping for {@link PaneContext}. */
export function busyTracker(): Pick<PaneContext, "busy" | "registerAction"> {
  const buttons: HTMLButtonElement[] = [];
  let depth = 0;
  const set = (on: boolean) => {
    for (const b of buttons) b.disabled = on;
    document.body.classList.toggle("busy", on);
  };
  return {
    registerAction(button) {
      buttons.push(button);
      button.disabled = depth > 0;
    },
    async busy<T>(action: () => Promise<Result<T>>): Promise<Result<T>> {
      depth += 1;
      set(true);
      try {
        return await action();
      } catch (e) {
        return { ok: false, issues: [thrownIssue(e)] };
      } finally {
        depth -= 1;
        if (depth === 0) set(false);
      }
    },
  };
}
