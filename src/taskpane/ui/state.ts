/* What the pane knows, kept apart from the DOM so that a language switch can rebuild every panel from it
 * (the inputs typed, the preview, the scenario sheets, the run and its result stay as they were). */
import type { Issue, Result } from "../../engine";
import type { InventoryPreview, InventorySource, ReadScenario, RunSummary } from "../../app";

/** A preview and the source chosen in step 1 when it was asked for (undefined = found automatically). */
export interface PreviewRecord {
  readonly source: InventorySource | undefined;
  readonly result: Result<InventoryPreview>;
}

/** The last message of step 2: sheets written, a check's outcome, or a failure. */
export type ScenarioMessage =
  | {
      readonly kind: "created";
      readonly sheets: readonly string[];
      /** Set when started from the inventory: the base year chosen. */ readonly baseYear?: number;
    }
  /** The analyst kept the scenario sheets already there. */
  | { readonly kind: "kept"; readonly sheets: readonly string[] }
  | { readonly kind: "checked"; readonly result: Result<ReadScenario> }
  | { readonly kind: "failed"; readonly issues: readonly Issue[] };

/** Which inventory the analyst chose to run on when the scenario's own and the previewed one differ. */
export type RunChoice = "previewed" | "scenario";

/** A finished run (or Monte Carlo run): what it returned, and how long the Monte Carlo took. */
export interface RunRecordView {
  readonly result: Result<RunSummary>;
  readonly seconds?: number;
}

export interface PaneState {
  /** Step 1 inputs: the chooser's value ("", "sheet:<name>", "table:<name>"), the range, the unit. */
  choice: string;
  address: string;
  unit: string;
  preview?: PreviewRecord;
  /** Why the preview did not change (a cancelled read); cleared by the next preview. */
  previewNotice?: readonly Issue[];
  /** Step 2: fill in the 长株潭 example. */
  example: boolean;
  /** Step 2: start from the previewed inventory (its cities; base year the latest they all have; Settings filled). */
  fromInventory: boolean;
  /** Scenario sheets known to exist in the workbook (created here or recorded by the add-in). */
  scenarioSheets?: readonly string[];
  scenarioMessage?: ScenarioMessage;
  /** The inventory the scenario resolves to by itself (Settings' Inventory row, else found); undefined until checked. */
  target?: Result<InventoryPreview>;
  runChoice?: RunChoice;
  /** Step 3 inputs. */
  formulas: boolean;
  draws: string;
  seed: string;
  run?: RunRecordView;
  mc?: RunRecordView;
}

/** A fresh state with the defaults the pane starts with. */
export function initialState(defaults: { draws: number; seed: number }): PaneState {
  return {
    choice: "",
    address: "",
    unit: "",
    example: true,
    fromInventory: false,
    formulas: false,
    draws: String(defaults.draws),
    seed: String(defaults.seed),
  };
}
