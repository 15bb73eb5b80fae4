/** Excel-shaped arguments and results in function tests: a range as rows of cells, an error value. */
import { StubError } from "./custom-functions-stub";

/** A one-row range, as Excel passes `B2:F2`. */
export const row = (xs: unknown[]): unknown[][] => [xs];

/** A one-column range, as Excel passes `B2:B6`. */
export const col = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** The CustomFunctions.Error a call returned (the test fails when it returned a value). */
export function err(v: unknown): StubError {
  expect(v).toBeInstanceOf(StubError);
  return v as StubError;
}
