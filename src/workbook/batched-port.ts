/**
 * The single-operation port methods, shared by every adapter: each is a batch of one through the
 * adapter's `writeMany` (so the ownership policy and sync budget apply the same way), with issue
 * paths made relative to the operation.
 */
import type { Result } from "../engine";
import { singleOp } from "./policy";
import type { ChartSpec, WriteOp } from "./port";

export abstract class BatchedPort {
  /** Applies a whole batch (checked as a whole before anything is written). */
  abstract writeMany(ops: readonly WriteOp[]): Promise<Result<void>>;

  addSheet(sheet: string): Promise<Result<void>> {
    return this.single({ kind: "addSheet", sheet });
  }

  clearSheet(sheet: string): Promise<Result<void>> {
    return this.single({ kind: "clearSheet", sheet });
  }

  deleteSheet(sheet: string): Promise<Result<void>> {
    return this.single({ kind: "deleteSheet", sheet });
  }

  addChart(sheet: string, spec: ChartSpec): Promise<Result<void>> {
    return this.single({ kind: "chart", sheet, spec });
  }

  /** One operation: a batch of one, with issue paths relative to the operation. */
  protected async single(op: WriteOp): Promise<Result<void>> {
    return singleOp(await this.writeMany([op]));
  }
}
