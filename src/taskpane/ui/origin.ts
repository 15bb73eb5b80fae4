/* Who chose an inventory, said in the analyst's words (step 1's list, the Settings sheet's cell, the search). */
import type { InventoryPreview } from "../../app";
import { format } from "../strings";
import type { PaneContext } from "./context";

/** Who chose an inventory, in words: step 1's list, the Settings sheet (its cell), or the automatic search. */
export function originText(ctx: PaneContext, p: InventoryPreview): string {
  const { s } = ctx;
  const o = p.chosenBy;
  if (o.by === "source") return s.fromChooser;
  if (o.by === "settings") return format(s.fromSettings, { cell: o.cell ?? s.settingsSheetWord });
  return s.fromFound;
}
