/**
 * How a target's reached value is signed (src/app/target-summary.ts `signedReached`): a decline as its target is
 * worded ("CO2 per GDP −18 %"), every other kind unsigned — the rule the pane's targets table and the CLI's share.
 */
import fc from "fast-check";
import { signedReached } from "../../src/app";

describe("signedReached — reference values", () => {
  test("a fall of CO2 per GDP is '−' (the 长株潭 baseline cluster: 22.3 % from 2020 to 2025, docs/model.md §15)", () => {
    expect(signedReached("intensity_decline", 0.223)).toEqual({ sign: "−", magnitude: 0.223 });
    expect(signedReached("energy_intensity_decline", 0.1)).toEqual({ sign: "−", magnitude: 0.1 });
  });

  test("a rise (a negative decline) is '+', so it cannot be read as a fall", () => {
    expect(signedReached("intensity_decline", -0.03)).toEqual({ sign: "+", magnitude: 0.03 });
  });

  test("a peak year, a peak value and a budget are unsigned", () => {
    expect(signedReached("peak_by", 2021)).toEqual({ sign: "", magnitude: 2021 });
    expect(signedReached("peak_cap", 97.61)).toEqual({ sign: "", magnitude: 97.61 });
    expect(signedReached("budget", 481.46)).toEqual({ sign: "", magnitude: 481.46 });
  });
});

describe("signedReached — invariants", () => {
  test("the magnitude is never negative for a decline, and sign × magnitude is the value reached", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        const { sign, magnitude } = signedReached("intensity_decline", x);
        return magnitude >= 0 && (sign === "−" ? magnitude === x : -magnitude === x);
      }),
    );
  });
});
