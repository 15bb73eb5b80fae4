/**
 * The scenario engine's export list: scenario input schemas, validation, the run and its results,
 * and the pure cores behind the CARBON functions PROJECT, RAMP, SECTORREDUCTION, COMBINE, ALIGNBEST.
 */
export { project, compound } from "./project";
export { ramp, rampFraction, rampPath, parseRampShape, RAMP_SHAPES, S_CURVE_STEEPNESS } from "./ramp";
export type { RampShape, RampSegment } from "./ramp";
export { sectorReduction } from "./sector-reduction";
export { combine, combineShares } from "./combine";
export { alignBest, alignBestShares } from "./align-best";
export { attributeLogShares, logShareWeight } from "./attribution";
export {
  settingsSchema,
  SETTINGS_DEFAULTS,
  inventoryRowSchema,
  activityRowSchema,
  driverRowSchema,
  leverRowSchema,
  LEVER_KINDS,
  KIND_PARAMS,
  DEFAULT_ELASTICITY,
} from "./schema";
export type { ScenarioInput, Settings, InventoryRow, ActivityRow, DriverRow, LeverRow, LeverKind, Targets, SourceRef, UncertainColumns } from "./schema";
export { fromZodIssues, cellOf } from "./zod-issues";
export { parseScenarioInput, parseScenarioParts } from "./parse";
export type { ParsedParts } from "./parse";
export { compileScenario, EMISSIONS, MAX_HORIZON } from "./compile";
export type { ScenarioModel, CompiledLever, CompiledActivity, RateTable } from "./model";
export { baselineEmissions, activityPaths } from "./drivers";
export { leverEffect } from "./levers";
export type { LeverEffect } from "./levers";
export { runScenarios, runModel } from "./run";
export { leverLogSum, scenarioEmissions } from "./log-sum";
export { coordinationBenefit } from "./coordination";
export { scenarioPeaks, peakRow } from "./peaks";
export { cityTotals, sectorTotals, clusterTotal, emissionsOf, emissionRows, reductionRows, leverReduction } from "./results";
export type { ScenarioResults, ScenarioReductions, LeverSummary, PeakRow, CoordinationBenefit, EmissionRow, ReductionRow } from "./results";
