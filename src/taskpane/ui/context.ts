/* What every panel of the pane shares: the workbook port, the language and its strings, the state, the busy
 * state and the one live region. */
import type { Issue, Result } from "../../engine";
import { hostError } from "../../workbook/policy";
import type { WorkbookPort } from "../../workbook/port";
import type { Lang, PaneStrings } from "../strings";
import { setUnavailable } from "./dom";
import type { PaneState } from "./state";

/** Reads the current selection in Excel ("Inventory", "A1:X40"); absent outside Excel. */
export type SelectionReader = () => Promise<{ sheet: string; address: string } | undefined>;

/** Why a control cannot be used now (shown to the analyst), or null. */
export type GateFn = () => string | null;

export interface PaneContext {
  readonly port: WorkbookPort;
  readonly lang: Lang;
  readonly s: PaneStrings;
  /** Add-in version recorded with every run. */
  readonly version: string;
  readonly readSelection?: SelectionReader;
  /** What the pane knows; survives a language switch. */
  readonly state: PaneState;
  /**
   * Runs an action with every registered control unavailable (`aria-disabled`: focus stays where it is;
   * Cancel is not registered and stays available); never throws.
   */
  busy<T>(action: () => Promise<Result<T>>): Promise<Result<T>>;
  isBusy(): boolean;
  /** Registers a control that is unavailable while an action runs, and also while `gate` gives a reason. */
  registerAction(control: HTMLElement, gate?: GateFn): void;
  /** Re-applies the gates and calls every {@link onUpdate} listener (after any change of state). */
  update(): void;
  /** Called by {@link update}: panels refresh their reasons and primary buttons here. */
  onUpdate(listener: () => void): void;
  /** Says one short status through the pane's one live region. */
  announce(text: string): void;
  /** Tells the panels that the workbook changed (sheets written): the inventory list refreshes itself. */
  workbookChanged(): void;
  onWorkbookChanged(listener: () => void): void;
  /** Checks again which inventory the scenario would run on (after the scenario sheets or the preview changed). */
  refreshTarget(): Promise<void>;
}

/** A thrown error (host failure, not a user's input problem) as the engine's `workbook_error` issue. */
export function thrownIssue(e: unknown): Issue {
  return hostError(e);
}

/** The controls, busy depth and listeners behind {@link PaneContext}'s busy, gates and updates. */
export function busyTracker(): Pick<PaneContext, "busy" | "isBusy" | "registerAction" | "update" | "onUpdate"> {
  const controls: Array<{ control: HTMLElement; gate?: GateFn }> = [];
  const listeners: Array<() => void> = [];
  let depth = 0;
  const apply = () => {
    for (const { control, gate } of controls) {
      const reason = gate?.() ?? null;
      setUnavailable(control, depth > 0 || reason !== null);
      control.toggleAttribute("data-busy", depth > 0);
    }
  };
  const update = () => {
    apply();
    for (const l of listeners) l();
  };
  return {
    registerAction(control, gate) {
      controls.push({ control, gate });
      const reason = gate?.() ?? null;
      setUnavailable(control, depth > 0 || reason !== null);
    },
    isBusy: () => depth > 0,
    update,
    onUpdate(listener) {
      listeners.push(listener);
    },
    async busy<T>(action: () => Promise<Result<T>>): Promise<Result<T>> {
      depth += 1;
      document.body.classList.add("busy");
      document.body.setAttribute("aria-busy", "true");
      update();
      try {
        return await action();
      } catch (e) {
        return { ok: false, issues: [thrownIssue(e)] };
      } finally {
        depth -= 1;
        if (depth === 0) {
          document.body.classList.remove("busy");
          document.body.removeAttribute("aria-busy");
        }
        update();
      }
    },
  };
}

/**
 * The pane's one polite live region (in taskpane.html, outside the part a language switch rebuilds):
 * every announcement replaces the last. The text is cleared first and set a moment later, so that the
 * same words said twice are announced twice.
 */
export function announcer(region: HTMLElement | null): (text: string) => void {
  let pending = 0;
  return (text: string) => {
    if (!region) return;
    region.textContent = "";
    const id = ++pending;
    setTimeout(() => {
      if (id === pending) region.textContent = text;
    }, 30);
  };
}
